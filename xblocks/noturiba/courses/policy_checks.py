"""The course tool's checks of policy.json and grading_policy.json (a part of validate's checker).

Mixed into validate._Checker, which provides `course`, `block_types` and `problem()`.
"""

import math

# Studio's own components, offered without advanced_modules: COMPONENT_TYPES in openedx-platform
# cms/djangoapps/contentstore/views/component.py ("disjoint from ADVANCED_COMPONENT_TYPES").
BUILTIN_TYPES = {"html", "problem", "video", "discussion", "library_content", "itembank", "library",
                 "openassessment", "drag-and-drop-v2"}


def _number(value):
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class PolicyChecks:
    def check_policy(self):
        course, policy = self.course, self.course.policy
        file = f"policies/{course.run}/policy.json"
        if policy is None:
            return
        if not isinstance(policy, dict):
            self.problem(file, None, "The policy must be a JSON object.")
            return
        key = f"course/{course.run}"
        for other in policy:
            if other.startswith("course/") and other != key:
                self.problem(file, None, f'The key "{other}" does not match course.xml (url_name '
                                         f'"{course.run}"): it must be "{key}".')
        settings = policy.get(key)
        if not isinstance(settings, dict):
            self.problem(file, None, f'The policy has no "{key}" object.')
            return
        modules = settings.get("advanced_modules", [])
        if not isinstance(modules, list) or not all(isinstance(m, str) for m in modules):
            self.problem(file, None, "advanced_modules must be a list of block type names.")
            return
        used = {}
        for item in course.components():
            used.setdefault(item.kind, (item.file, item.line))
        for kind, (where, line) in sorted(used.items()):
            if kind in BUILTIN_TYPES or kind in modules:
                continue
            severity = "error" if kind in self.block_types else "warning"
            self.problem(where, line, f"The block type {kind} is used but not listed in advanced_modules "
                                      f"of {file}; Studio will not show it.", severity)
        name = settings.get("display_name")
        if name and course.display_name and name != course.display_name:
            self.problem(file, None, f'display_name "{name}" differs from the course\'s "{course.display_name}".',
                         "warning")

    def check_grading(self):
        course, policy = self.course, self.course.grading_policy
        file = f"policies/{course.run}/grading_policy.json"
        if policy is None:
            return
        if not isinstance(policy, dict) or not isinstance(policy.get("GRADER", []), list):
            self.problem(file, None, 'The grading policy must be a JSON object with a "GRADER" list.')
            return
        graders = self._graders(file, policy.get("GRADER", []))
        if graders and not math.isclose(sum(w for w, _ in graders.values()), 1.0, abs_tol=1e-6):
            total = sum(w for w, _ in graders.values())
            self.problem(file, None, f"The GRADER weights add up to {total:g}; they must add up to 1.")
        # With a part of the course unread, "no graded subsection uses it" may be a consequence only
        # (read before the subsections' own findings are added).
        incomplete = any(f.is_error and f.file != file for f in self.course.findings)
        self._check_assignment_counts(file, graders, self._graded_subsections(file, graders), incomplete)
        self._check_cutoffs(file, policy.get("GRADE_CUTOFFS"), graders)

    def _graders(self, file, entries):
        """{assignment type: (weight, min_count)} of the GRADER entries, each checked."""
        graders = {}
        for index, grader in enumerate(entries, start=1):
            label = f"GRADER entry {index}"
            if not isinstance(grader, dict) or not isinstance(grader.get("type"), str) or not grader["type"]:
                self.problem(file, None, f"{label} needs a type (the assignment type name).")
                continue
            label += f' ("{grader["type"]}")'
            if grader["type"] in graders:
                self.problem(file, None, f"{label}: the type is listed twice.")
            graders[grader["type"]] = self._grader(file, label, grader)
        return graders

    def _grader(self, file, label, grader):
        weight = grader.get("weight")
        if not _number(weight) or not 0 <= weight <= 1:
            self.problem(file, None, f"{label}: weight must be a number from 0 to 1.")
            weight = 0
        min_count, drop_count = grader.get("min_count", 1), grader.get("drop_count", 0)
        if not isinstance(min_count, int) or isinstance(min_count, bool) or min_count < 0:
            self.problem(file, None, f"{label}: min_count must be a whole number, 0 or more.")
            min_count = 0
        if not isinstance(drop_count, int) or isinstance(drop_count, bool) or not 0 <= drop_count <= min_count:
            self.problem(file, None, f"{label}: drop_count must be a whole number from 0 to min_count.")
        return weight, min_count

    def _graded_subsections(self, file, graders):
        """{assignment type: how many graded subsections use it}; their graded and format checked."""
        counts = dict.fromkeys(graders, 0)
        for sequential in self.course.sequentials():
            element = sequential.element
            if element is None:
                continue
            graded = (element.get("graded") or "false").strip().lower()
            fmt = element.get("format")
            if graded not in ("true", "false"):
                self.problem(sequential.file, element.sourceline, f'graded="{element.get("graded")}" must be '
                                                                  "true or false.")
                continue
            if graded == "true":
                if not fmt:
                    self.problem(sequential.file, element.sourceline,
                                 'A graded subsection needs format="<assignment type>" from the grading policy.')
                elif fmt not in graders:
                    self.problem(sequential.file, element.sourceline,
                                 f'format="{fmt}" is not an assignment type of {file} '
                                 f"(types: {', '.join(graders) or 'none'}).")
                else:
                    counts[fmt] += 1
            elif fmt:
                self.problem(sequential.file, element.sourceline,
                             f'format="{fmt}" is set but graded is not "true": the subsection will not count.',
                             "warning")
        return counts

    def _check_assignment_counts(self, file, graders, counts, incomplete):
        for kind, count in counts.items():
            weight, min_count = graders[kind]
            if count == 0 and incomplete:
                continue
            if count == 0:
                self.problem(file, None, f'The assignment type "{kind}" is used by no graded subsection.')
            elif count < min_count:
                self.problem(file, None, f'The assignment type "{kind}" expects {min_count} graded subsections '
                                         f"(min_count) but the course has {count}: the missing ones count as zero.",
                             "warning")

    def _check_cutoffs(self, file, cutoffs, graders):
        if cutoffs is None:
            if graders:
                self.problem(file, None, "GRADE_CUTOFFS is missing: Open edX will use its default pass mark.",
                             "warning")
        elif not isinstance(cutoffs, dict) or not all(_number(v) and 0 < v <= 1 for v in cutoffs.values()):
            self.problem(file, None, "GRADE_CUTOFFS must map grade names to fractions above 0 and at most 1.")
