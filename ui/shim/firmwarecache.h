// rb_firmware for QML: what the cache holds (a list model), the builds of one model with
// their signed and cached marks, downloads with progress, and importing a local IPSW.
// Every engine call opens its own handle on a worker thread (downloads take minutes);
// results are copied and queued to the GUI thread.
#pragma once

#include <QAbstractListModel>
#include <QAtomicInt>
#include <QElapsedTimer>
#include <QThreadPool>
#include <QVariantList>
#include <QVector>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

class FirmwareListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("FirmwareListModel is owned by FirmwareCache")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    struct Entry {
        QString sha1, label;
        qint64 size = 0, addedAt = 0, lastUsed = 0, verifiedAt = 0;
        bool pinned = false;
    };
    enum Role { Sha1Role = Qt::UserRole + 1, LabelRole, SizeRole, AddedAtRole, LastUsedRole,
                VerifiedAtRole, PinnedRole };
    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    void reset(QVector<Entry> entries);

signals:
    void countChanged();

private:
    QVector<Entry> m_entries;
};

class FirmwareCache : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(FirmwareListModel *cached READ cached CONSTANT)
    Q_PROPERTY(double totalBytes READ totalBytes NOTIFY cacheChanged)
    Q_PROPERTY(double budgetBytes READ budgetBytes NOTIFY cacheChanged)
    Q_PROPERTY(bool downloading READ downloading NOTIFY downloadChanged)
    Q_PROPERTY(QString downloadLabel READ downloadLabel NOTIFY downloadChanged)
    Q_PROPERTY(double bytesDone READ bytesDone NOTIFY downloadChanged)
    Q_PROPERTY(double bytesTotal READ bytesTotal NOTIFY downloadChanged)
    Q_PROPERTY(int etaSeconds READ etaSeconds NOTIFY downloadChanged)
public:
    static FirmwareCache *instance();
    static FirmwareCache *create(QQmlEngine *, QJSEngine *);

    FirmwareListModel *cached() { return &m_cached; }
    double totalBytes() const { return double(m_total); }
    double budgetBytes() const { return double(m_budget); }
    bool downloading() const { return m_downloading; }
    QString downloadLabel() const { return m_label; }
    double bytesDone() const { return double(m_done); }
    double bytesTotal() const { return double(m_totalDl); }
    int etaSeconds() const { return m_eta; }

    // Reads the cache index again (answers with cacheChanged).
    Q_INVOKABLE void refresh();
    // The catalog's builds of productType, newest first: answers with buildsReady.
    Q_INVOKABLE void builds(const QString &productType);
    // Downloads one build ("" = newest signed) into the cache: answers with downloadFinished.
    Q_INVOKABLE void download(const QString &productType, const QString &build);
    Q_INVOKABLE void cancelDownload() { m_cancel.storeRelaxed(1); }
    // Adds a local IPSW after verifying it: answers with importFinished.
    Q_INVOKABLE void importFile(const QString &path);

signals:
    void cacheChanged();
    void downloadChanged();
    // [{version, build, signedNow, cached, pinned, size, released}]; status is rb_status.
    void buildsReady(const QString &productType, const QVariantList &builds, bool offline,
                     int status, const QString &detail);
    void downloadFinished(const QString &productType, int status, const QString &detail);
    void importFinished(int status, const QString &detail);

private:
    FirmwareCache();
    ~FirmwareCache() override;
    static int onProgress(const struct rb_progress *p, void *payload);

    FirmwareListModel m_cached;
    QThreadPool m_pool;
    QAtomicInt m_cancel;
    QElapsedTimer m_clock;
    qint64 m_total = 0, m_budget = 0, m_done = 0, m_totalDl = 0;
    int m_eta = -1;
    bool m_downloading = false;
    QString m_label;
};
