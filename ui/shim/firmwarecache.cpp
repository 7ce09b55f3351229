#include "firmwarecache.h"

#include <QQmlEngine>

#include <rescuebay/context.h>
#include <rescuebay/firmware.h>

namespace {
// One context and cache handle for one worker call: the handles are not shared across
// threads.
struct Handle {
    rb_context *ctx = nullptr;
    rb_firmware *fw = nullptr;
    rb_status st = RB_OK;
    QString error;
    Handle()
    {
        st = rb_context_new(&ctx, nullptr);
        if (st == RB_OK)
            st = rb_firmware_open(&fw, ctx, nullptr);
        if (st != RB_OK)
            error = QString::fromUtf8(ctx ? rb_context_last_error(ctx) : rb_strerror(st));
    }
    ~Handle()
    {
        rb_firmware_free(fw);
        rb_context_free(ctx);
    }
    QString lastError() const { return fw ? QString::fromUtf8(rb_firmware_last_error(fw)) : error; }
};
}

int FirmwareListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant FirmwareListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    switch (role) {
    case Sha1Role: return e.sha1;
    case LabelRole: return e.label;
    case SizeRole: return e.size;
    case AddedAtRole: return e.addedAt;
    case LastUsedRole: return e.lastUsed;
    case VerifiedAtRole: return e.verifiedAt;
    case PinnedRole: return e.pinned;
    }
    return {};
}

QHash<int, QByteArray> FirmwareListModel::roleNames() const
{
    return {{Sha1Role, "sha1"}, {LabelRole, "label"}, {SizeRole, "size"}, {AddedAtRole, "addedAt"},
            {LastUsedRole, "lastUsed"}, {VerifiedAtRole, "verifiedAt"}, {PinnedRole, "pinned"}};
}

void FirmwareListModel::reset(QVector<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    emit countChanged();
}

FirmwareCache *FirmwareCache::instance()
{
    static FirmwareCache *self = new FirmwareCache; // app-owned, outlives every QML engine
    return self;
}

FirmwareCache *FirmwareCache::create(QQmlEngine *, QJSEngine *)
{
    FirmwareCache *c = instance();
    QQmlEngine::setObjectOwnership(c, QQmlEngine::CppOwnership);
    return c;
}

FirmwareCache::FirmwareCache() { m_pool.setMaxThreadCount(2); }

FirmwareCache::~FirmwareCache()
{
    m_cancel.storeRelaxed(1);
    m_pool.waitForDone();
}

void FirmwareCache::refresh()
{
    m_pool.start([this] {
        Handle h;
        rb_firmware_status *st = nullptr;
        QVector<FirmwareListModel::Entry> rows;
        qint64 total = 0, budget = 0;
        if (h.st == RB_OK && rb_firmware_status_get(&st, h.fw) == RB_OK) {
            total = qint64(st->total_bytes);
            budget = qint64(st->budget_bytes);
            for (size_t i = 0; i < st->count; i++) {
                const rb_firmware_entry &e = st->entries[i];
                rows.append({QString::fromLatin1(e.sha1), QString::fromUtf8(e.label), qint64(e.size),
                             e.added_at, e.last_used, e.verified_at, e.pinned != 0});
            }
            rb_firmware_status_free(st);
        }
        QMetaObject::invokeMethod(this, [this, rows, total, budget] {
            m_cached.reset(rows);
            m_total = total;
            m_budget = budget;
            emit cacheChanged();
        }, Qt::QueuedConnection);
    });
}

void FirmwareCache::builds(const QString &productType)
{
    m_pool.start([this, productType] {
        Handle h;
        rb_firmware_list *list = nullptr;
        QVariantList out;
        bool offline = false;
        rb_status st = h.st;
        if (st == RB_OK)
            st = rb_firmware_catalog(&list, h.fw, productType.toUtf8().constData(), 0);
        if (st == RB_OK) {
            offline = list->offline != 0;
            for (size_t i = 0; i < list->count; i++) {
                const rb_firmware_build &b = list->builds[i];
                out.append(QVariantMap{{"version", QString::fromUtf8(b.version)},
                                       {"build", QString::fromUtf8(b.build)},
                                       {"signedNow", b.signed_now != 0}, {"cached", b.cached != 0},
                                       {"pinned", b.pinned != 0}, {"size", qint64(b.size)},
                                       {"released", QString::fromUtf8(b.released)}});
            }
            rb_firmware_list_free(list);
        }
        const QString detail = st == RB_OK ? QString() : h.lastError();
        QMetaObject::invokeMethod(this, [=, this] {
            emit buildsReady(productType, out, offline, int(st), detail);
        }, Qt::QueuedConnection);
    });
}

int FirmwareCache::onProgress(const rb_progress *p, void *payload)
{
    auto *self = static_cast<FirmwareCache *>(payload);
    const qint64 done = qint64(p->bytes_done), total = qint64(p->bytes_total);
    QMetaObject::invokeMethod(self, [self, done, total] {
        self->m_done = done;
        self->m_totalDl = total;
        // The rate so far, for the ETA: the engine reports bytes only.
        const qint64 ms = self->m_clock.elapsed();
        self->m_eta = done > 0 && total > done && ms > 500
                          ? int((total - done) * ms / done / 1000) : -1;
        emit self->downloadChanged();
    }, Qt::QueuedConnection);
    return self->m_cancel.loadRelaxed() ? -1 : 0;
}

void FirmwareCache::download(const QString &productType, const QString &build)
{
    if (m_downloading)
        return;
    m_downloading = true;
    m_label = build.isEmpty() ? productType : productType + QLatin1Char(' ') + build;
    m_done = m_totalDl = 0;
    m_eta = -1;
    m_cancel.storeRelaxed(0);
    m_clock.start();
    emit downloadChanged();
    m_pool.start([this, productType, build] {
        Handle h;
        rb_status st = h.st;
        if (st == RB_OK) {
            rb_firmware_fetch_options o = RB_FIRMWARE_FETCH_OPTIONS_INIT;
            o.progress = &FirmwareCache::onProgress;
            o.payload = this;
            rb_firmware_result res;
            const QByteArray b = build.toUtf8();
            st = rb_firmware_ensure(&res, h.fw, productType.toUtf8().constData(),
                                    b.isEmpty() ? nullptr : b.constData(), &o);
        }
        const QString detail = st == RB_OK ? QString() : h.lastError();
        QMetaObject::invokeMethod(this, [=, this] {
            m_downloading = false;
            emit downloadChanged();
            emit downloadFinished(productType, int(st), detail);
            refresh();
        }, Qt::QueuedConnection);
    });
}

void FirmwareCache::importFile(const QString &path)
{
    m_pool.start([this, path] {
        Handle h;
        rb_status st = h.st;
        if (st == RB_OK) {
            rb_firmware_result res;
            st = rb_firmware_import(&res, h.fw, path.toUtf8().constData(), nullptr);
        }
        const QString detail = st == RB_OK ? QString() : h.lastError();
        QMetaObject::invokeMethod(this, [=, this] {
            emit importFinished(int(st), detail);
            refresh();
        }, Qt::QueuedConnection);
    });
}
