// The customer's receipt as a PDF, laid out with Qt's own QPdfWriter (no extra module).
// The content is the engine's (rb_ticket_receipt); only the headings are words of ours.
#pragma once

#include <QString>

struct rb_ticket_receipt;

// Writes the receipt to `path` (A4 portrait). false with *why set if the file could not be
// written. Needs a QGuiApplication (fonts).
bool writeReceiptPdf(const rb_ticket_receipt *receipt, const QString &path, QString *why);
