"""The researchers' pre/post report of a course's surveys (issue 17), pure modules.

stats: means, effect sizes and signal detection; report: pairs respondents by their per-course
respondent key and builds the tables, every cell obeying min_group; export: CSV and codebook.
"""
