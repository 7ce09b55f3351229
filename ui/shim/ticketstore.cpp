#include "ticketstore.h"
#include "rbtext.h"

#include <QDir>
#include <QQmlEngine>
#include <QRegularExpression>

extern "C" {
#include <rescuebay/context.h>
#include <rescuebay/tickets.h>
}
#include "receipt.h"

int TicketListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TicketListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case NumberRole: return r.number;
    case StatusRole: return r.status;
    case StatusNameRole: return r.statusName;
    case CustomerNameRole: return r.customerName;
    case CustomerPhoneRole: return r.customerPhone;
    case DeviceModelRole: return r.deviceModel;
    case SerialRole: return r.serial;
    case ProblemRole: return r.problem;
    case CreatedAtRole: return r.createdAt;
    case UpdatedAtRole: return r.updatedAt;
    }
    return {};
}

QHash<int, QByteArray> TicketListModel::roleNames() const
{
    return {{NumberRole, "number"}, {StatusRole, "status"}, {StatusNameRole, "statusName"},
            {CustomerNameRole, "customerName"}, {CustomerPhoneRole, "customerPhone"},
            {DeviceModelRole, "deviceModel"}, {SerialRole, "serial"}, {ProblemRole, "problem"},
            {CreatedAtRole, "createdAt"}, {UpdatedAtRole, "updatedAt"}};
}

void TicketListModel::reset(QVector<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
}

TicketStore *TicketStore::instance()
{
    static TicketStore *self = new TicketStore; // app-owned, like the device monitor
    return self;
}

TicketStore *TicketStore::create(QQmlEngine *, QJSEngine *)
{
    TicketStore *t = instance();
    QQmlEngine::setObjectOwnership(t, QQmlEngine::CppOwnership);
    t->open();   // before any binding reads it: the getters never open or notify
    return t;
}

TicketStore::TicketStore()
{
}

TicketStore::~TicketStore()
{
    rb_ticket_store_free(m_store);
    rb_context_free(m_ctx);
}

// Opened when QML first uses the store (create()), or by the first call.
bool TicketStore::open()
{
    if (m_store)
        return true;
    if (!m_ctx && rb_context_new(&m_ctx, nullptr) != RB_OK) {
        m_error = QStringLiteral("cannot open the data folder");
        emit changed();
        return false;
    }
    rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
    if (rb_ticket_store_open(&m_store, m_ctx, &o) != RB_OK) {
        // The reason (a damaged file, a journal without its database...) is on the handle.
        const char *why = m_store ? rb_ticket_store_last_error(m_store) : "";
        m_error = rb::displayText(why && *why ? why : rb_context_last_error(m_ctx));
        rb_ticket_store_free(m_store);
        m_store = nullptr;
    }
    emit changed();
    return m_store != nullptr;
}

QString TicketStore::staff() const
{
    const char *s = m_store ? rb_ticket_store_staff(m_store) : nullptr;
    return s ? rb::displayText(s) : QString();
}

bool TicketStore::hasStaff() const
{
    if (!m_store)
        return true;   // nothing to set up if there is no store
    rb_ticket_staff_list *list = nullptr;
    bool any = true;
    if (rb_ticket_staff_list_get(&list, m_store) == RB_OK) {
        any = list->count > 0;
        rb_ticket_staff_list_free(list);
    }
    return any;
}

int TicketStore::signIn(const QString &name, const QString &pin)
{
    if (!open())
        return RB_ERR_UNSUPPORTED;
    const rb_status st = rb_ticket_store_sign_in(m_store, name.trimmed().toUtf8().constData(),
                                                 pin.toUtf8().constData());
    emit changed();
    return st;
}

int TicketStore::addFirstStaff(const QString &name, const QString &pin)
{
    if (!open())
        return RB_ERR_UNSUPPORTED;
    rb_status st = rb_ticket_staff_add(m_store, name.trimmed().toUtf8().constData(),
                                       pin.toUtf8().constData(), 1);
    if (st == RB_OK)
        st = rb_ticket_store_sign_in(m_store, name.trimmed().toUtf8().constData(),
                                     pin.toUtf8().constData());
    emit changed();
    return st;
}

void TicketStore::signOut()
{
    if (m_store)
        rb_ticket_store_sign_out(m_store);
    m_list.reset({});
    emit changed();
}

int TicketStore::search(const QString &text)
{
    if (!open())
        return RB_ERR_UNSUPPORTED;
    const QByteArray q = text.trimmed().toUtf8();
    rb_ticket_query query = RB_TICKET_QUERY_INIT;
    query.text = q.isEmpty() ? nullptr : q.constData();
    rb_ticket_list *list = nullptr;
    const rb_status st = rb_ticket_search(&list, m_store, &query);
    QVector<TicketListModel::Row> rows;
    if (st == RB_OK) {
        for (size_t i = 0; i < list->count; i++) {
            const rb_ticket *t = list->items[i];
            TicketListModel::Row r;
            r.number = QString::fromUtf8(t->number);
            r.status = int(t->status);
            r.statusName = QString::fromUtf8(rb_ticket_status_name(t->status));
            r.customerName = rb::displayText(t->customer_name);
            r.customerPhone = rb::displayText(t->customer_phone);
            r.deviceModel = rb::displayText(t->device_model);
            r.serial = rb::displayText(t->serial);
            r.problem = rb::displayText(t->problem);
            r.createdAt = QString::fromUtf8(t->created_at);
            r.updatedAt = QString::fromUtf8(t->updated_at);
            rows.append(r);
        }
        rb_ticket_list_free(list);
    }
    m_list.reset(rows);
    return st;
}

QVariantList TicketStore::events(const QString &number)
{
    QVariantList out;
    if (!open())
        return out;
    rb_ticket_event_list *list = nullptr;
    if (rb_ticket_events_get(&list, m_store, number.toUtf8().constData()) != RB_OK)
        return out;
    for (size_t i = 0; i < list->count; i++) {
        const rb_ticket_event &e = list->items[i];
        out.append(QVariantMap{{"at", QString::fromUtf8(e.at)},
                               {"type", int(e.type)},
                               {"typeName", QString::fromUtf8(rb_ticket_event_type_name(e.type))},
                               {"actor", rb::displayText(e.actor)},
                               {"summary", rb::displayText(e.summary)},
                               {"redacted", e.redacted != 0}});
    }
    rb_ticket_event_list_free(list);
    return out;
}

QString TicketStore::createForDevice(const QVariantMap &device, const QVariantMap &fields)
{
    if (!open())
        return {};
    // Held here: the fields point into these until rb_ticket_create returns.
    const QByteArray model = device.value("name").toString().toUtf8(),
                     type = device.value("productType").toString().toUtf8(),
                     serial = device.value("serial").toString().toUtf8(),
                     ecid = device.value("ecid").toString().toUtf8(),
                     udid = device.value("udid").toString().toUtf8(),
                     ios = device.value("iosVersion").toString().toUtf8(),
                     imei = device.value("imei").toString().toUtf8(),
                     name = fields.value("customerName").toString().trimmed().toUtf8(),
                     phone = fields.value("customerPhone").toString().trimmed().toUtf8(),
                     problem = fields.value("problem").toString().trimmed().toUtf8();
    auto opt = [](const QByteArray &b) { return b.isEmpty() ? nullptr : b.constData(); };
    rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
    f.device_model = opt(model);
    f.product_type = opt(type);
    f.serial = opt(serial);
    f.ecid = opt(ecid);
    f.udid = opt(udid);
    f.ios_version = opt(ios);
    f.imei = opt(imei);
    f.customer_name = opt(name);
    f.customer_phone = opt(phone);
    f.problem = opt(problem);
    char *number = nullptr;
    const rb_status st = rb_ticket_create(&number, m_store, &f);
    QString out;
    if (st == RB_OK) {
        out = QString::fromUtf8(number);
        rb_free(number);
        m_error.clear();
    } else {
        m_error = QString::fromUtf8(rb_ticket_store_last_error(m_store));
    }
    emit changed();
    return out;
}

int TicketStore::saveReceipt(const QString &number, const QString &pdfPath)
{
    if (!open())
        return RB_ERR_UNSUPPORTED;
    rb_ticket_receipt *r = nullptr;
    rb_status st = rb_ticket_receipt_get(&r, m_store, number.toUtf8().constData());
    if (st != RB_OK) {
        m_error = QString::fromUtf8(rb_ticket_store_last_error(m_store));
        emit changed();
        return st;
    }
    QString why;
    if (!writeReceiptPdf(r, pdfPath, &why)) {
        st = RB_ERR_IO;
        m_error = why;
        emit changed();
    }
    rb_ticket_receipt_free(r);
    return st;
}

QString TicketStore::receiptPath(const QString &number)
{
    if (!open() || !m_ctx)
        return {};
    // Ticket numbers are "RB-2026-00042": keep only what is safe in a file name.
    QString name = number;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString dir = QString::fromUtf8(rb_context_home(m_ctx)) + QStringLiteral("/receipts");
    QDir().mkpath(dir);
    return dir + QLatin1Char('/') + name + QStringLiteral(".pdf");
}
