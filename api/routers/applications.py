"""The applicant's endpoints (and ``GET /api/applications/{id}`` for staff too)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Response, UploadFile, status

from api.deps import ApplicantUser, CurrentUser, SessionDep, StateDep
from api.errors import ApiError
from api.schemas import (
    ApplicationCreate,
    ApplicationCreated,
    ApplicationPublic,
    MaterialCreated,
    SubmissionPublic,
)
from api.services import applications, staff
from api.services.presenter import present
from api.services.uploads import check_size
from prereview.audit import record

router = APIRouter(prefix="/api/applications", tags=["applications"])


@router.post("", operation_id="create_application", status_code=status.HTTP_201_CREATED)
def create_application(
    body: ApplicationCreate, user: ApplicantUser, session: SessionDep, state: StateDep
) -> ApplicationCreated:
    application, guide = applications.create_application(
        session, state=state, user=user, item_id=body.item_id, answers=body.answers
    )
    session.commit()  # in the handler's thread: never hold the write lock until the dependency's teardown
    return ApplicationCreated(id=application.id, guide=guide)


@router.get("", operation_id="list_my_applications")
def list_applications(user: ApplicantUser, session: SessionDep) -> list[ApplicationPublic]:
    return [present(a) for a in applications.list_own(session, user)]


@router.post(
    "/{application_id}/materials", operation_id="upload_material", status_code=status.HTTP_202_ACCEPTED
)
def upload_material(
    application_id: str,
    user: ApplicantUser,
    session: SessionDep,
    state: StateDep,
    file: Annotated[UploadFile, File(description="PDF or image of one material")],
    slot: Annotated[str | None, Form(description="the slot id from the guide")] = None,
) -> MaterialCreated:
    state.limiter.check(user.id)
    max_mb = state.settings.service.max_upload_mb
    if file.size is not None:
        check_size(file.size, max_mb)
    data = file.file.read(int(max_mb * 1024 * 1024) + 1)  # sync: never block the event loop on the database
    check_size(len(data), max_mb)
    material = applications.add_material(
        session,
        state=state,
        user=user,
        application_id=application_id,
        data=data,
        file_name=file.filename,
        slot=slot or None,
    )
    session.commit()
    if state.pool is not None:
        state.pool.wake()
    return MaterialCreated(id=material.id)


@router.get("/{application_id}", operation_id="get_application")
def get_application(application_id: str, user: CurrentUser, session: SessionDep) -> ApplicationPublic:
    if user.role in ("staff", "admin"):
        application, decisions, corrections = staff.read(session, staff=user, application_id=application_id)
        session.commit()
        return present(application, decisions=decisions, corrections=corrections)
    application = applications.owned(session, user, application_id)
    return present(application, decisions=staff.decisions_of(session, application), staff_names=False)


@router.get(
    "/{application_id}/materials/{material_id}/file",
    operation_id="get_material_file",
    response_class=Response,
)
def get_material_file(
    application_id: str, material_id: str, user: CurrentUser, session: SessionDep, state: StateDep
) -> Response:
    """The uploaded file itself (page images for the staff view); a staff read is audited."""
    application = applications.owned(session, user, application_id)
    material = next((m for m in application.materials if m.id == material_id), None)
    if material is None or state.store is None:
        raise ApiError(404, "not_found", "材料不存在或无权访问 (material not found)")
    if user.role != "applicant":
        record(session, actor=user, action="material.read", target_type="material", target_id=material.id)
        session.commit()
    return Response(
        state.store.storage.get(material.sha256),
        media_type=material.content_type,
        headers={"Cache-Control": "private, no-store"},
    )


@router.post("/{application_id}/submit", operation_id="submit_application")
def submit_application(application_id: str, user: ApplicantUser, session: SessionDep) -> SubmissionPublic:
    submission = applications.submit(session, user=user, application_id=application_id)
    session.commit()
    return submission
