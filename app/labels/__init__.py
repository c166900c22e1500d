"""Shelf labels: templates, exact barcodes, layout, rendering, printing (issue 9).

Plain logic (no Qt): `templates` (load_template, builtin_names), `symbols`
(encode_symbol), `geometry` (Dpi, parse_dpi, layout_label, paginate), `content`
(LabelProduct, PackContent), `queue` (LabelQueue, PrintItem, PrintJob, build_pages),
`saved_queue` (SavedQueue: the queue on disk), `catalog_source` (catalog_lookup,
reread_from_catalog, requests_from_csv). Qt adapters, imported only when drawing:
`render` (render_label_image, write_pdf, write_png), `printing` (QPrinter), `zpl`, and
`output` (write_job, print_job, print_jobs, send_job_zpl) that ties them together.
"""
