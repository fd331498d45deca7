"""The workbench's URLs with the Noturība start page in front and the courses' static files served."""

from django.urls import include, path, re_path

from . import start_page, static_files

urlpatterns = [
    path("", start_page.index, name="noturiba_start"),
    re_path(r"^course-static/(?P<folder>[\w-]+)/(?P<name>.*)$", static_files.course_static, name="course_static"),
    path("", include("workbench.urls")),
]
