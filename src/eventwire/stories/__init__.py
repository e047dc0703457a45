"""Stories: articles grouped as they arrive (``cluster``), the same event reported by
several articles merged (``merge``), and numbers claimed differently compared
(``conflicts``)."""
