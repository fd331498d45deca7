"""Course staff open their course's pre/post report from any survey block (issue 17, point 2).

The same report as `./manage.py lms noturiba_report <course>` with the waves taken from the course
order (per block type the first survey is pre, the last post); where there is no course order
(the workbench) the block itself is the one wave. The CSV carries no free text: that needs the
operator's named study (the management command). Every shown cell obeys min_group (report.py).
"""

from webob import Response
from xblock.core import XBlock

from noturiba.messages import Message


class ResearchReportMixin:
    """Mixed into the survey-capable blocks (needs is_staff, respondent, min_group, t)."""

    def research_url(self, fmt=""):
        return self.runtime.handler_url(self, "research_report", fmt)

    def _research_data(self):
        # Imported here: the block modules load without Django's apps (the package's install check)
        # and without numpy and scipy (only the report needs them).
        from noturiba.survey import store

        from . import blocks
        course = self.respondent()[0]
        ordered = blocks.course_order(course)
        waves = blocks.inferred_waves(ordered) if ordered else {}
        if not waves:
            waves = {store.block_key(self.scope_ids.usage_id): "pre"}
        specs, minimum = blocks.specs_and_min_group(waves, self.min_group())
        return course, specs, minimum, store.research_rows([spec.block for spec in specs], course)

    @XBlock.handler
    def research_report(self, request, suffix=""):
        """The course's report as text (suffix "csv": the anonymous data, no free text). Staff only."""
        if not self.is_staff():
            return Response(self.t.render(Message("Only course staff can open the research report.")),
                            status=403, content_type="text/plain", charset="utf-8")
        from . import export, report
        course, specs, minimum, rows = self._research_data()
        if suffix == "csv":
            response = Response(export.data_csv(specs, rows, False), content_type="text/csv", charset="utf-8")
            response.content_disposition = 'attachment; filename="noturiba-research.csv"'
            return response
        if suffix == "codebook":
            response = Response(export.codebook_csv(specs, False), content_type="text/csv", charset="utf-8")
            response.content_disposition = 'attachment; filename="noturiba-research-codebook.csv"'
            return response
        text = f"Course {course}\n" + report.render_text(report.build(specs, rows, minimum))
        return Response(text, content_type="text/plain", charset="utf-8")
