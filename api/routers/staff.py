"""The window's endpoints: queue, decision, corrections (staff and admin only)."""

from __future__ import annotations

from fastapi import APIRouter, status

from api.deps import SessionDep, StaffUser
from api.schemas import ApplicationPublic, CorrectionCreate, CorrectionPublic, DecisionCreate, QueueEntry
from api.services import staff
from api.services.presenter import present

router = APIRouter(prefix="/api/staff", tags=["staff"])


@router.get("/queue", operation_id="get_staff_queue")
def get_queue(user: StaffUser, session: SessionDep) -> list[QueueEntry]:
    return staff.queue(session)


@router.get("/applications/{application_id}", operation_id="get_staff_application")
def get_application(application_id: str, user: StaffUser, session: SessionDep) -> ApplicationPublic:
    application, decisions, corrections = staff.read(session, staff=user, application_id=application_id)
    session.commit()  # in the handler's thread: never hold the write lock until the dependency's teardown
    return present(application, decisions=decisions, corrections=corrections)


@router.post("/applications/{application_id}/decision", operation_id="decide_application")
def decide(
    application_id: str, body: DecisionCreate, user: StaffUser, session: SessionDep
) -> ApplicationPublic:
    staff.decide(session, staff=user, application_id=application_id, body=body)
    application, decisions, corrections = staff.read(session, staff=user, application_id=application_id)
    session.commit()  # in the handler's thread: never hold the write lock until the dependency's teardown
    return present(application, decisions=decisions, corrections=corrections)


@router.post(
    "/applications/{application_id}/materials/{material_id}/corrections",
    operation_id="correct_material",
    status_code=status.HTTP_201_CREATED,
)
def correct(
    application_id: str, material_id: str, body: CorrectionCreate, user: StaffUser, session: SessionDep
) -> CorrectionPublic:
    correction = staff.correct(
        session, staff=user, application_id=application_id, material_id=material_id, body=body
    )
    session.commit()
    return correction
