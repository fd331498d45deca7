"""The XBlock SDK workbench configured as Noturība's embedded default (`make run`)."""
