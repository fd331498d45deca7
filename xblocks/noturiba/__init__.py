"""The shared kit of the Noturība blocks: the only place shared code lives."""
