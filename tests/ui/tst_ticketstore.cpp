// TicketStore over a real ticket database: sign-in, search, a ticket's timeline.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include "ticketstore.h"

extern "C" {
#include <rescuebay/tickets.h>
}

class TstTicketStore : public QObject
{
    Q_OBJECT
    QTemporaryDir home;
    QString number;

private slots:
    void initTestCase()
    {
        QVERIFY(home.isValid());
        qputenv("RESCUEBAY_HOME", home.path().toUtf8());
        // Made through the engine, as the CLI or a restore job would.
        rb_context *ctx = nullptr;
        rb_ticket_store *store = nullptr;
        rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
        QCOMPARE(int(rb_context_new(&ctx, nullptr)), 0);
        QCOMPARE(int(rb_ticket_store_open(&store, ctx, &o)), 0);
        QCOMPARE(int(rb_ticket_staff_add(store, "ann", "2468", 1)), 0);
        QCOMPARE(int(rb_ticket_store_sign_in(store, "ann", "2468")), 0);
        rb_ticket_fields f = RB_TICKET_FIELDS_INIT;
        f.customer_name = "Jane Doe";
        f.device_model = "iPhone 8";
        f.serial = "C39SIM000002";
        f.problem = "Forgot the passcode";
        char *n = nullptr;
        QCOMPARE(int(rb_ticket_create(&n, store, &f)), 0);
        number = QString::fromUtf8(n);
        rb_free(n);
        QCOMPARE(int(rb_ticket_event_append(store, number.toUtf8().constData(),
                                            RB_TICKET_EVENT_BACKUP_VERIFIED, "restorable", nullptr)), 0);
        rb_ticket_store_free(store);
        rb_context_free(ctx);
    }

    void signInSearchTimeline()
    {
        TicketStore *t = TicketStore::create(nullptr, nullptr);
        QVERIFY2(t->available(), qPrintable(t->errorText()));
        QVERIFY(t->hasStaff());
        QCOMPARE(t->signIn("ann", "1111"), int(RB_ERR_AUTH));
        QCOMPARE(t->staff(), QString());
        QCOMPARE(t->signIn("ann", "2468"), 0);
        QCOMPARE(t->staff(), QString("ann"));
        QCOMPARE(t->search(""), 0);
        QCOMPARE(t->tickets()->rowCount(), 1);
        QCOMPARE(t->search("Jane"), 0);
        QCOMPARE(t->tickets()->rowCount(), 1);
        const QModelIndex i = t->tickets()->index(0);
        QCOMPARE(i.data(TicketListModel::NumberRole).toString(), number);
        QCOMPARE(i.data(TicketListModel::DeviceModelRole).toString(), QString("iPhone 8"));
        QCOMPARE(t->search("Nobody"), 0);
        QCOMPARE(t->tickets()->rowCount(), 0);
        const QVariantList ev = t->events(number);
        QVERIFY(ev.size() >= 2);
        QCOMPARE(ev.first().toMap().value("typeName").toString(), QString("created"));
        QCOMPARE(ev.last().toMap().value("summary").toString(), QString("restorable"));
        t->signOut();
        QCOMPARE(t->staff(), QString());
        QCOMPARE(t->tickets()->rowCount(), 0);
    }

    // A ticket from a connected device's identity, and its receipt as a real PDF that
    // carries the ticket number (read back with poppler's pdftotext).
    void ticketFromDeviceAndReceiptPdf()
    {
        TicketStore *t = TicketStore::create(nullptr, nullptr);
        QCOMPARE(t->signIn("ann", "2468"), 0);
        const QVariantMap device{{"name", "iPhone 11"}, {"productType", "iPhone12,1"},
                                 {"serial", "F2LXK0FAKE01"}, {"ecid", "0x1A2B3C4D5E6F70"},
                                 {"udid", "00008030-001A2B3C4D5E6F70"}, {"iosVersion", "16.7.2"},
                                 {"imei", "356789012345678"}};
        const QString n = t->createForDevice(device, {{"customerName", "Ravi Patel"}});
        QVERIFY2(!n.isEmpty(), qPrintable(t->errorText()));
        QCOMPARE(t->search("F2LXK0FAKE01"), 0);
        QCOMPARE(t->tickets()->rowCount(), 1);
        QCOMPARE(t->tickets()->index(0).data(TicketListModel::NumberRole).toString(), n);
        QCOMPARE(t->tickets()->index(0).data(TicketListModel::DeviceModelRole).toString(), QString("iPhone 11"));

        const QString pdf = t->receiptPath(n);
        QVERIFY(pdf.startsWith(home.path() + "/receipts/"));
        QCOMPARE(t->saveReceipt(n, pdf), 0);
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        f.close();
        QProcess text;
        text.start("pdftotext", {pdf, "-"});
        QVERIFY2(text.waitForFinished(20000), "pdftotext (poppler-utils) is needed: scripts/setup installs it");
        QCOMPARE(text.exitCode(), 0);
        const QString body = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(body.contains(n), qPrintable(body));
        QVERIFY2(body.contains("Ravi Patel"), qPrintable(body));
        QVERIFY2(body.contains("F2LXK0FAKE01"), qPrintable(body));

        // An unknown ticket and an unwritable place fail with a reason, never a file.
        QVERIFY(t->saveReceipt("RB-1999-99999", home.path() + "/none.pdf") != 0);
        QVERIFY(!QFile::exists(home.path() + "/none.pdf"));
        QVERIFY(t->saveReceipt(n, "/nonexistent-dir/receipt.pdf") != 0);
        QVERIFY(!t->errorText().isEmpty());
        t->signOut();
    }

    // The kiosk keeps its store open all day; it must hold no read transaction between
    // calls, or a personal-data erase from the CLI could never reach the disk.
    void eraseSucceedsWhileTheKioskIsOpen()
    {
        TicketStore *t = TicketStore::create(nullptr, nullptr);
        QVERIFY2(t->available(), qPrintable(t->errorText()));
        QCOMPARE(t->signIn("ann", "2468"), 0);
        QCOMPARE(t->search(""), 0);
        QVERIFY(t->tickets()->rowCount() >= 1);
        QCOMPARE(t->search("Jane"), 0);
        QVERIFY(!t->events(number).isEmpty());
        QVERIFY(t->hasStaff());
        const QString db = home.filePath("tickets.db");
        auto onDisk = [&](const QByteArray &needle) {
            for (const QString &p : {db, db + "-wal"}) {
                QFile f(p);
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
                    return true;
            }
            return false;
        };
        QVERIFY(onDisk("Jane Doe"));

        rb_context *ctx = nullptr;
        rb_ticket_store *store = nullptr;
        rb_ticket_store_options o = RB_TICKET_STORE_OPTIONS_INIT;
        o.busy_timeout_ms = 500; // the kiosk must not make the erase wait at all
        QCOMPARE(int(rb_context_new(&ctx, nullptr)), 0);
        QCOMPARE(int(rb_ticket_store_open(&store, ctx, &o)), 0);
        QCOMPARE(int(rb_ticket_store_sign_in(store, "ann", "2468")), 0);
        const rb_status st = rb_ticket_erase_personal_data(store, number.toUtf8().constData());
        QVERIFY2(st == RB_OK, rb_ticket_store_last_error(store));
        rb_ticket_store_free(store);
        rb_context_free(ctx);
        QVERIFY(!onDisk("Jane Doe"));

        // The kiosk reads the erased ticket afresh, and still lets go afterwards.
        QCOMPARE(t->search(number), 0);
        QCOMPARE(t->tickets()->rowCount(), 1);
        QCOMPARE(t->tickets()->index(0).data(TicketListModel::CustomerNameRole).toString(),
                 QString());
    }
};

QTEST_MAIN(TstTicketStore)
#include "tst_ticketstore.moc"
