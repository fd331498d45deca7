"""The authoring handlers in the platform's runtimes: course staff in the LMS, authors in Studio, nobody else.

Emulates, from the platform's source:
- LMS (lms/djangoapps/courseware/block_render.py): the `user` service is DjangoXBlockUserService with
  user_is_staff = has_access(user, "staff", block, course); no studio_user_permissions service.
- Studio (cms/djangoapps/contentstore/views/component.py component_handler, which runs the handler for
  any logged-in user and only skips the modulestore save for non-authors, and views/preview.py
  preview_handler, @login_required only): load_services_for_studio / _prepare_runtime_for_preview give
  DjangoXBlockUserService(user) without user_is_staff, and StudioPermissionsService(user), whose
  can_write(course key) is has_studio_write_access (openedx/core/djangoapps/content/services.py).
"""

import json

import pytest
from webob import Request
from xblock.reference.user_service import UserService, XBlockUser

from ..blocks.conftest import BLOCK_TYPES, package_scenarios


class PlatformUser(UserService):
    def __init__(self, staff):
        user = XBlockUser(is_current_user=True, emails=["someone@example.org"])
        user.opt_attrs.update({"edx-platform.is_authenticated": True, "edx-platform.user_id": 5,
                               "edx-platform.username": "someone", "edx-platform.anonymous_user_id": "anon-5",
                               "edx-platform.user_is_staff": staff, "edx-platform.user_role": "student"})
        super().__init__(user=user)

    def get_current_user(self):
        return self._user


class StudioPermissions:
    def __init__(self, author):
        self.author = author
        self.asked = []

    def can_write(self, context_key):
        self.asked.append(context_key)
        return self.author


RUNTIMES = {  # name: (user_is_staff, studio permissions or None, allowed)
    "LMS learner": (False, None, False),
    "LMS course staff": (True, None, True),
    "Studio author": (False, True, True),
    "Studio user without access to the course": (False, False, False),
}


def bind(block, staff, author):
    services = block.runtime._services  # noqa: SLF001 - the table the platform's runtimes fill
    services["user"] = PlatformUser(staff)
    services.pop("studio_user_permissions", None)
    if author is not None:
        services["studio_user_permissions"] = StudioPermissions(author)
    return block


def call(block, handler, payload):
    request = Request.blank("/", method="POST", body=json.dumps(payload).encode(), content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    return response.status_code, json.loads(response.body)


@pytest.mark.parametrize("who", RUNTIMES)
@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_only_course_staff_and_studio_authors_save_and_check(production, block_type, who):
    staff, author, allowed = RUNTIMES[who]
    xml = package_scenarios(block_type)[0][1]
    block = bind(production(xml), staff, author)
    content = block.content_api.to_json(block.model)
    checker = "inspect" if block_type == "crisisdrill" else "check_content"
    status, body = call(block, checker, {"content": content})
    assert status == (200 if allowed else 403), body
    status, body = call(block, "save_content", {"display_name": "Jauns nosaukums", "content": content})
    assert status == (200 if allowed else 403), body
    assert (block.display_name == "Jauns nosaukums") == allowed
    if not allowed:
        assert body["error"] and set(body) == {"error"}
