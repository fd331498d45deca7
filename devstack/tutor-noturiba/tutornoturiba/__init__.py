"""Tutor plugin for the Noturība XBlocks (entry point tutor.plugin.v1: noturiba = tutornoturiba.plugin)."""
