from django.apps import AppConfig


class SurveyConfig(AppConfig):
    """Registered in the LMS and Studio through the `lms.djangoapp`/`cms.djangoapp` entry points."""

    name = "noturiba.survey"
    label = "noturiba_survey"
    verbose_name = "Noturība anonymous survey answers"
    default_auto_field = "django.db.models.BigAutoField"
    # The platform's plugin loader reads this (edx-django-utils plugins): no URLs or settings; the LMS
    # connects the retirement receiver (retirement.py) to the user retirement signal.
    plugin_app = {
        "signals_config": {
            "lms.djangoapp": {
                "relative_path": "retirement",
                "receivers": [{
                    "receiver_func_name": "on_user_retire",
                    "signal_path": "openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_MISC",
                    "dispatch_uid": "noturiba.survey.retirement.on_user_retire",
                }],
            },
        },
    }

    def ready(self):
        # xAPI transformers of our events, where the platform's event-routing-backends is installed.
        from noturiba import xapi
        xapi.register()
