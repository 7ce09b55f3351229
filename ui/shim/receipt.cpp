#include "receipt.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <rescuebay/tickets.h>

namespace {
// Words are marked for lupdate where they are written (QT_TRANSLATE_NOOP / translate).
QString tr(const char *text) { return QCoreApplication::translate("Receipt", text); }

// A top-to-bottom text cursor on the page; starts a new page when one is full.
struct Flow {
    QPdfWriter &pdf;
    QPainter &p;
    int y = 0;
    int width() const { return p.viewport().width(); }
    void text(const QString &s, int pt, bool bold = false)
    {
        if (s.isEmpty())
            return;
        QFont f = p.font();
        f.setPointSize(pt);
        f.setBold(bold);
        p.setFont(f);
        const QRect r = p.boundingRect(QRect(0, 0, width(), 100000), Qt::TextWordWrap, s);
        if (y + r.height() > p.viewport().height()) {
            pdf.newPage();
            y = 0;
        }
        p.drawText(QRect(0, y, width(), r.height()), Qt::TextWordWrap, s);
        y += r.height() + pt * 4;
    }
    void field(const char *label, const char *value)
    {
        if (value && *value)
            text(tr(label) + QStringLiteral(": ") + QString::fromUtf8(value), 11);
    }
};
}

bool writeReceiptPdf(const rb_ticket_receipt *r, const QString &path, QString *why)
{
    QPdfWriter pdf(path);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                  QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter));
    pdf.setTitle(QCoreApplication::translate("Receipt", "Receipt %1").arg(QString::fromUtf8(r->number)));
    pdf.setCreator(QStringLiteral("rescuebay"));
    QPainter p;
    if (!p.begin(&pdf)) {
        *why = QCoreApplication::translate("Receipt", "The receipt could not be written to %1.").arg(QFileInfo(path).absoluteFilePath());
        return false;
    }
    Flow f{pdf, p};
    f.text(QString::fromUtf8(r->store_name), 18, true);
    f.text(QString::fromUtf8(r->store_address), 10);
    f.text(QString::fromUtf8(r->store_phone), 10);
    f.text(QCoreApplication::translate("Receipt", "Repair ticket %1").arg(QString::fromUtf8(r->number)), 16, true);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Status"), r->status);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Opened"), r->created_at);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Closed"), r->closed_at);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Customer"), r->customer_name);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Phone"), r->customer_phone);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Device"), r->device_model);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Serial number"), r->serial);
    f.field(QT_TRANSLATE_NOOP("Receipt", "IMEI"), r->imei);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Problem"), r->problem);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Work done"), r->resolution);
    f.field(QT_TRANSLATE_NOOP("Receipt", "Staff"), r->staff);
    if (r->line_count > 0)
        f.text(QCoreApplication::translate("Receipt", "What was done"), 13, true);
    for (size_t i = 0; i < r->line_count; i++)
        f.text(QString::fromUtf8(r->lines[i].at) + QStringLiteral("  ")
                   + QString::fromUtf8(r->lines[i].text), 10);
    f.text(QString::fromUtf8(r->terms), 8);
    if (!p.end()) {
        *why = QCoreApplication::translate("Receipt", "The receipt could not be written to %1.").arg(QFileInfo(path).absoluteFilePath());
        return false;
    }
    return true;
}
