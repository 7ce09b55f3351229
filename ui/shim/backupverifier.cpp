#include "backupverifier.h"
#include "rbtext.h"

#include <algorithm>

extern "C" {
#include <rescuebay/backup.h>
#include <rescuebay/catalog.h>
#include <rescuebay/context.h>
#include <rescuebay/restore.h>
}

int BackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case PathRole: return e.path;
    case UdidRole: return e.udid;
    case DeviceNameRole: return e.deviceName;
    case ProductTypeRole: return e.productType;
    case ModelNameRole: return e.modelName;
    case IosVersionRole: return e.iosVersion;
    case DateRole: return e.date;
    case StatusRole: return e.status;
    case SizeBytesRole: return e.sizeBytes;
    case EncryptedRole: return e.encrypted;
    case HeaderVerdictRole: return e.headerVerdict;
    case ThisDeviceRole: return e.thisDevice;
    }
    return {};
}

QHash<int, QByteArray> BackupListModel::roleNames() const
{
    return {{PathRole, "path"}, {UdidRole, "udid"}, {DeviceNameRole, "deviceName"},
            {ProductTypeRole, "productType"}, {ModelNameRole, "modelName"},
            {IosVersionRole, "iosVersion"}, {DateRole, "date"}, {StatusRole, "status"},
            {SizeBytesRole, "sizeBytes"}, {EncryptedRole, "encrypted"},
            {HeaderVerdictRole, "headerVerdict"}, {ThisDeviceRole, "thisDevice"}};
}

void BackupListModel::reset(QVector<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    emit countChanged();
}

BackupVerifier::BackupVerifier(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
    if (rb_context_new(&m_ctx, nullptr) != RB_OK)
        m_ctx = nullptr;
    // Without it backups are still checked; only the marketing names are missing.
    if (rb_catalog_open(&m_catalog, m_ctx, nullptr) != RB_OK)
        m_catalog = nullptr;
}

BackupVerifier::~BackupVerifier()
{
    m_cancel.storeRelaxed(1);
    m_pool.waitForDone();
    rb_catalog_free(m_catalog);
    rb_context_free(m_ctx);
}

void BackupVerifier::setDeviceUdid(const QString &udid)
{
    if (udid == m_deviceUdid)
        return;
    m_deviceUdid = udid;
    emit deviceUdidChanged();
}

void BackupVerifier::refresh()
{
    if (!m_ctx || m_listing)
        return;
    m_listing = true;
    emit stateChanged();
    const QString udid = m_deviceUdid;
    rb_context *ctx = m_ctx;
    const rb_catalog *cat = m_catalog;
    m_pool.start([this, ctx, cat, udid] {
        rb_backup_entry *list = nullptr;
        size_t n = 0;
        QVector<BackupListModel::Entry> entries;
        rb_backup_options lo = RB_BACKUP_OPTIONS_INIT;
        rb_restore_backup_options(&lo, nullptr, cat);
        if (rb_backup_list(&list, &n, ctx, nullptr, 0, 1, &lo) == RB_OK) {
            for (size_t i = 0; i < n; i++) {
                const rb_backup_entry &e = list[i];
                BackupListModel::Entry x;
                x.path = QString::fromUtf8(e.path);
                x.udid = rb::displayText(e.info.udid);
                x.deviceName = rb::displayText(e.info.device_name);
                x.productType = rb::displayText(e.info.product_type);
                x.modelName = rb::displayText(e.info.model_name);
                x.iosVersion = rb::displayText(e.info.ios_version);
                x.date = rb::displayText(e.info.date);
                x.status = rb::displayText(e.status);
                x.sizeBytes = qint64(e.size_bytes);
                x.encrypted = e.info.encrypted;
                x.headerVerdict = int(e.verdict);
                x.thisDevice = !udid.isEmpty() && x.udid.compare(udid, Qt::CaseInsensitive) == 0;
                entries.append(x);
            }
            rb_backup_list_free(list, n);
        }
        // This device's backups first (UI.md), newest first within each group.
        std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
            if (a.thisDevice != b.thisDevice)
                return a.thisDevice;
            return a.date > b.date;
        });
        QMetaObject::invokeMethod(this, [this, entries] {
            m_list.reset(entries);
            m_listing = false;
            emit stateChanged();
        }, Qt::QueuedConnection);
    });
}

int BackupVerifier::onProgress(const rb_progress *p, void *payload)
{
    auto *self = static_cast<BackupVerifier *>(payload);
    double f = p->step_fraction;
    if (f < 0 && p->items_total)
        f = double(p->items_done) / double(p->items_total);
    const int step = p->step;
    // One queued update per 0.5 % or step change: a 200,000-file backup must not flood
    // the GUI thread.
    const int mark = step * 1000 + int(f * 200);
    if (self->m_lastMark.fetchAndStoreRelaxed(mark) != mark) {
        QMetaObject::invokeMethod(self, [self, f, step] {
            self->m_fraction = f;
            self->m_step = step;
            emit self->progressChanged();
        }, Qt::QueuedConnection);
    }
    return self->m_cancel.loadRelaxed() ? -1 : 0;
}

void BackupVerifier::verify(const QString &path, const QString &password)
{
    if (!m_ctx || m_running)
        return;
    m_running = true;
    m_cancel.storeRelaxed(0);
    m_fraction = 0;
    m_verdict = -1;
    emit stateChanged();
    emit progressChanged();
    emit resultChanged();
    const QByteArray dir = path.toUtf8(), pw = password.toUtf8();
    const QByteArray ios = m_deviceIos.toUtf8(), pt = m_deviceProductType.toUtf8();
    rb_context *ctx = m_ctx;
    const rb_catalog *cat = m_catalog;
    m_pool.start([this, ctx, cat, dir, pw, ios, pt, path] {
        rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
        o.password = pw.isEmpty() ? nullptr : pw.constData();
        rb_restore_target t;
        rb_restore_target_from_model(&t, cat, pt.constData(), ios.constData());
        rb_restore_backup_options(&o, &t, cat);
        o.progress = &BackupVerifier::onProgress;
        o.progress_payload = this;
        rb_backup_report *r = nullptr;
        const rb_status st = rb_backup_verify(&r, ctx, dir.constData(), &o);
        int verdict = -1;
        QVariantList reasons, inventory;
        QString detail;
        if (st == RB_OK) {
            verdict = int(rb_backup_report_verdict(r));
            // Only what matters to the verdict or to the customer's data, not the info
            // noise: the engine decides which codes are serious and their order.
            const char *codes[64];
            uint64_t counts[64];
            const size_t n = rb_backup_report_serious_codes(r, codes, counts, 64);
            for (size_t i = 0; i < n; i++)
                reasons.append(QVariantMap{{"code", QString::fromUtf8(codes[i])},
                                           {"count", qint64(counts[i])}});
            for (size_t i = 0; i < rb_backup_report_finding_count(r); i++) {
                const rb_backup_finding *f = rb_backup_report_finding(r, i);
                if (f->severity == RB_BACKUP_ERROR && detail.isEmpty())
                    detail = rb::displayText(f->detail);
            }
            for (int c = 0; c < RB_BACKUP_CATEGORY_COUNT; c++) {
                const rb_backup_category_stats *s = rb_backup_report_category(r, rb_backup_category(c));
                if (s && (s->files_intact || s->files_damaged))
                    inventory.append(QVariantMap{
                        {"category", QString::fromUtf8(rb_backup_category_name(rb_backup_category(c)))},
                        {"intact", qint64(s->files_intact)},
                        {"damaged", qint64(s->files_damaged)}});
            }
            rb_backup_report_free(r);
        } else {
            detail = rb::displayText(rb_context_last_error(ctx));
        }
        QMetaObject::invokeMethod(this, [this, st, verdict, reasons, inventory, detail, path] {
            m_running = false;
            m_status = int(st);
            m_verdict = verdict;
            m_reasons = reasons;
            m_inventory = inventory;
            m_detail = detail;
            m_verifiedPath = path;
            m_fraction = st == RB_OK ? 1.0 : m_fraction;
            emit stateChanged();
            emit progressChanged();
            emit resultChanged();
        }, Qt::QueuedConnection);
    });
}
