"""Studio's author check in the workbench: every workbench user is the author of its scenarios.

The blocks ask the `studio_user_permissions` service (openedx/core/djangoapps/content/services.py
StudioPermissionsService in Studio) whether the current user may write the course before they run
an authoring handler (noturiba.base.ContentBlock.may_author). The workbench is the authors' own
tool and has no course team, so it answers yes; the LMS has no such service and asks the user
service's course-staff flag instead (tests/security/test_hostile_input.py, tests/platform).
"""


class WorkbenchStudioPermissions:
    def can_read(self, context_key):
        return True

    def can_write(self, context_key):
        return True
