from django.apps import AppConfig


class SurveyConfig(AppConfig):
    """Registered in the LMS and Studio through the `lms.djangoapp`/`cms.djangoapp` entry points."""

    name = "noturiba.survey"
    label = "noturiba_survey"
    verbose_name = "Noturība anonymous survey answers"
    default_auto_field = "django.db.models.BigAutoField"
    # The platform's plugin loader reads this; the app needs no URLs or settings.
    plugin_app = {}
