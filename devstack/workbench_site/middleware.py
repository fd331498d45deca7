"""Pick the workbench language: ?lang= (remembered in a cookie), else Latvian.

The browser's Accept-Language is ignored on purpose: the embedded default
shows the blocks in Latvian, as the library's learners see them.
"""

from django.conf import settings
from django.utils import translation

COOKIE = "noturiba_lang"


class LanguageSwitchMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        asked = request.GET.get("lang")
        language = asked or request.COOKIES.get(COOKIE) or settings.LANGUAGE_CODE
        if language not in self.supported:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        if asked:
            response.set_cookie(COOKIE, language, samesite="Lax")
        response.headers.setdefault("Content-Language", language)
        return response
