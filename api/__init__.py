"""The HTTP service: FastAPI app, routers, pages. Imports ``prereview``; never imported by it."""
