"""One module per block type: export(model, attrs, t), python_grade(model, attrs, answers),
sample_answers(data, rng)."""
