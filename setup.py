"""Noturība: three Open edX XBlocks (mediacheck, crisisdrill, civicquiz) and their shared kit."""

import importlib.util
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def load_tool(name):
    spec = importlib.util.spec_from_file_location(f"noturiba_{name}_tool", HERE / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithCatalogs(build_py):
    """Compile translations/*.po into the package and copy the kit's public files into each block's
    public/ (production collects static files per block package): nothing generated is committed."""

    def run(self):
        super().run()
        for path in load_tool("i18n").compile_all(Path(self.build_lib)):
            self.announce(f"compiled {path}", level=2)
        for path in load_tool("kit_files").copy_kit_files(Path(self.build_lib)):
            self.announce(f"copied {path}", level=2)


setup(
    name="noturiba-xblocks",
    version="0.1.0",
    description="Fact-check exercises, crisis drills and civic quizzes for Open edX",
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author="National Library of Latvia",
    license="AGPL-3.0",
    python_requires=">=3.12",
    package_dir={"": "xblocks"},
    # The data folders (public/, templates/, scenarios/, translations/) are packages too, as setuptools
    # wants for files it ships inside a package (else one "Package would be ignored" warning per folder).
    packages=find_namespace_packages("xblocks", exclude=["*.tests", "*.tests.*", "*__pycache__*"]),
    include_package_data=True,
    package_data={
        "": ["templates/*.html", "public/**/*", "scenarios/*.xml", "translations/*/LC_MESSAGES/*.mo"],
    },
    install_requires=[
        "XBlock[django]>=6.0,<7",
        "Django>=4.2,<6",
        "lxml>=5.0",
        "nh3>=0.2.15",
        "requests>=2.31",  # the course tool's `push` (already in the platform)
        "scipy>=1.11",  # the researchers' report (the platform has it: requirements/edx/base.txt, via chem)
    ],
    extras_require={
        "workbench": ["xblock-sdk>=0.15,<0.16", "setuptools<82", "babel>=2.12"],
        # `make check`: the fast loop (unit, blocks, i18n), nothing that needs apt packages.
        "check": [
            "xblock-sdk>=0.15,<0.16", "setuptools<82", "babel>=2.12",
            "pytest>=8", "pytest-django>=4.8", "hypothesis>=6.100", "ruff>=0.6", "webob",
            "pandas>=2.1", "tincan>=1.0",
        ],
        "test": [
            "xblock-sdk>=0.15,<0.16", "setuptools<82", "babel>=2.12",
            "pytest>=8", "pytest-django>=4.8", "hypothesis>=6.100", "playwright>=1.45",
            "ruff>=0.6", "webob", "build", "gunicorn>=22", "mysqlclient>=2.2", "pandas>=2.1",
            "tincan>=1.0",
        ],
        # `make bench` only: the peers we measure against, charts, the browser driver.
        "bench": [
            "xblock-sdk>=0.15,<0.16", "setuptools<82", "babel>=2.12", "playwright>=1.45",
            "xblock-poll>=1.16", "xblock-drag-and-drop-v2>=5.1", "matplotlib>=3.8",
        ],
    },
    entry_points={
        "xblock.v1": [
            "mediacheck = mediacheck:MediaCheckBlock",
            "crisisdrill = crisisdrill:CrisisDrillBlock",
            "civicquiz = civicquiz:CivicQuizBlock",
        ],
        # The survey answers table, added to the LMS and Studio by the platform's plugin loader.
        "lms.djangoapp": ["noturiba_survey = noturiba.survey.apps:SurveyConfig"],
        "cms.djangoapp": ["noturiba_survey = noturiba.survey.apps:SurveyConfig"],
    },
    cmdclass={"build_py": BuildWithCatalogs},
    classifiers=[
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.12",
        "Natural Language :: Latvian",
        "Natural Language :: Russian",
        "Natural Language :: Ukrainian",
    ],
)
