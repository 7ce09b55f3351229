// rb_ticket_store for QML: staff sign-in with a PIN, the ticket list with search, and one
// ticket's timeline. Store calls are short SQLite queries, made on the GUI thread (a store
// handle belongs to one thread). Every call copies its rows out and ends its statements:
// the kiosk stays open all day and must hold no read transaction between calls, or a
// personal-data erase could never reach the disk (tst_ticketstore checks this).
#pragma once

#include <QAbstractListModel>
#include <QObject>
#include <QVariantList>
#include <QVector>
#include <QtQml/qqmlregistration.h>

struct rb_context;
struct rb_ticket_store;
class QQmlEngine;
class QJSEngine;

class TicketListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TicketListModel is owned by TicketStore")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    struct Row {
        QString number, statusName, customerName, customerPhone, deviceModel, serial, problem,
            createdAt, updatedAt;
        int status = 0;
    };
    enum Role { NumberRole = Qt::UserRole + 1, StatusRole, StatusNameRole, CustomerNameRole,
                CustomerPhoneRole, DeviceModelRole, SerialRole, ProblemRole, CreatedAtRole,
                UpdatedAtRole };
    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void reset(QVector<Row> rows);

signals:
    void countChanged();

private:
    QVector<Row> m_rows;
};

class TicketStore : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)
    Q_PROPERTY(QString staff READ staff NOTIFY changed)          // "" when nobody signed in
    Q_PROPERTY(bool hasStaff READ hasStaff NOTIFY changed)       // false: first-run setup
    Q_PROPERTY(TicketListModel *tickets READ tickets CONSTANT)
public:
    static TicketStore *instance();
    static TicketStore *create(QQmlEngine *, QJSEngine *);

    bool available() const { return m_store != nullptr; }
    QString errorText() const { return m_error; }
    QString staff() const;
    bool hasStaff() const;
    TicketListModel *tickets() { return &m_list; }

    // rb_status: Rb.StatusOk, or -23 (wrong PIN), -24 (locked out)...
    Q_INVOKABLE int signIn(const QString &name, const QString &pin);
    // The very first staff member (an administrator), then signed in.
    Q_INVOKABLE int addFirstStaff(const QString &name, const QString &pin);
    Q_INVOKABLE void signOut();
    // Lists the newest tickets, or those matching `text` (number, customer, serial...).
    Q_INVOKABLE int search(const QString &text);
    // [{at, type, typeName, actor, summary, redacted}] oldest first.
    Q_INVOKABLE QVariantList events(const QString &number);
    // A ticket for a connected device: `device` is a DeviceMonitor row (name, productType,
    // serial, ecid, udid, iosVersion, imei), `fields` the customer's (customerName,
    // customerPhone, problem). Returns the new number, "" on failure (errorText says why).
    Q_INVOKABLE QString createForDevice(const QVariantMap &device, const QVariantMap &fields);
    // The customer's receipt of a ticket as a PDF file (rb_ticket_receipt, laid out by
    // receipt.cpp). rb_status: 0, or why not (errorText has the detail).
    Q_INVOKABLE int saveReceipt(const QString &number, const QString &pdfPath);
    // Where the kiosk saves a ticket's receipt: <data folder>/receipts/<number>.pdf.
    Q_INVOKABLE QString receiptPath(const QString &number);

signals:
    void changed();

private:
    TicketStore();
    ~TicketStore() override;
    bool open();

    rb_context *m_ctx = nullptr;
    rb_ticket_store *m_store = nullptr;
    QString m_error;
    TicketListModel m_list;
};
