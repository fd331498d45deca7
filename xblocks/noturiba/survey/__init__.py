"""Anonymous survey answers in their own table, so aggregates never lose a vote.

Each learner's answers are rows of their own (block, learner, question, value);
aggregates are a GROUP BY over them. Nothing is read, modified and written
back: two learners answering at the same moment touch different rows, and
deleting a learner's state deletes their rows, so no count can drift.
(The poll block's tally in user_state_summary loses votes under concurrency.)
"""
