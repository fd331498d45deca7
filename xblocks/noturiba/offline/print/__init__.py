"""The print pack's sheets: data (sheets_*.py, cards.py), HTML (page.py, typography.py, print.css).

Every sheet is Python data of English Messages (the msgids are in the "noturiba" domain),
rendered per language into one HTML file of explicit A4 pages; pdf.py prints it.
"""
