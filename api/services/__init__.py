"""The workflow behind the routers: applicant flow, staff flow, presentation of an application."""
