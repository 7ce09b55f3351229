// rb_backup for QML: the backups on this computer (this device's first) and the deep
// verification of one, with progress, verdict, reasons and what can be saved. The engine
// work runs on a worker thread; results are copied and queued to the GUI thread.
#pragma once

#include <QAbstractListModel>
#include <QAtomicInt>
#include <QThreadPool>
#include <QVariantList>
#include <QVector>
#include <QtQml/qqmlregistration.h>

struct rb_context;

class BackupListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("BackupListModel is owned by BackupVerifier")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    struct Entry {
        QString path, udid, deviceName, productType, modelName, iosVersion, date, status;
        qint64 sizeBytes = 0;
        int encrypted = -1;
        int headerVerdict = 0;
        bool thisDevice = false;
    };
    enum Role { PathRole = Qt::UserRole + 1, UdidRole, DeviceNameRole, ProductTypeRole,
                ModelNameRole, IosVersionRole, DateRole, StatusRole, SizeBytesRole,
                EncryptedRole, HeaderVerdictRole, ThisDeviceRole };

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

class BackupVerifier : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(BackupListModel *backups READ backups CONSTANT)
    Q_PROPERTY(QString deviceUdid READ deviceUdid WRITE setDeviceUdid NOTIFY deviceUdidChanged)
    Q_PROPERTY(QString deviceIos MEMBER m_deviceIos NOTIFY deviceUdidChanged)
    Q_PROPERTY(QString deviceProductType MEMBER m_deviceProductType NOTIFY deviceUdidChanged)
    Q_PROPERTY(bool listing READ listing NOTIFY stateChanged)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(double fraction READ fraction NOTIFY progressChanged)
    Q_PROPERTY(int step READ step NOTIFY progressChanged)
    Q_PROPERTY(QString verifiedPath READ verifiedPath NOTIFY resultChanged)
    // -1 until a verification finished; else rb_backup_verdict (0 restorable ... 4 wrong password)
    Q_PROPERTY(int verdict READ verdict NOTIFY resultChanged)
    Q_PROPERTY(int status READ status NOTIFY resultChanged)   // rb_status of the last run
    Q_PROPERTY(QString detail READ detail NOTIFY resultChanged)
    // [{code, count}] of error and warning findings, most frequent first
    Q_PROPERTY(QVariantList reasons READ reasons NOTIFY resultChanged)
    // [{category ("photos"...), intact, damaged}] with any files
    Q_PROPERTY(QVariantList inventory READ inventory NOTIFY resultChanged)
public:
    explicit BackupVerifier(QObject *parent = nullptr);
    ~BackupVerifier() override;

    BackupListModel *backups() { return &m_list; }
    QString deviceUdid() const { return m_deviceUdid; }
    void setDeviceUdid(const QString &udid);
    bool listing() const { return m_listing; }
    bool running() const { return m_running; }
    double fraction() const { return m_fraction; }
    int step() const { return m_step; }
    QString verifiedPath() const { return m_verifiedPath; }
    int verdict() const { return m_verdict; }
    int status() const { return m_status; }
    QString detail() const { return m_detail; }
    QVariantList reasons() const { return m_reasons; }
    QVariantList inventory() const { return m_inventory; }

    // Lists the backups where the engine searches (rb_backup_roots: default folders, the
    // `backup.roots` setting, $RB_BACKUP_ROOTS), as `rescuebay backup list` does.
    Q_INVOKABLE void refresh();
    // Deep verification of one backup; the password is used once and never kept.
    Q_INVOKABLE void verify(const QString &path, const QString &password);
    Q_INVOKABLE void cancel() { m_cancel.storeRelaxed(1); }

signals:
    void deviceUdidChanged();
    void stateChanged();
    void progressChanged();
    void resultChanged();

private:
    static int onProgress(const struct rb_progress *p, void *payload);

    BackupListModel m_list;
    rb_context *m_ctx = nullptr;
    // Names and families for backup checks; read-only, shared with the worker thread.
    struct rb_catalog *m_catalog = nullptr;
    QThreadPool m_pool;
    QAtomicInt m_cancel;
    QAtomicInt m_lastMark;
    QString m_deviceUdid, m_deviceIos, m_deviceProductType, m_verifiedPath, m_detail;
    bool m_listing = false, m_running = false;
    double m_fraction = 0;
    int m_step = 0, m_verdict = -1, m_status = 0;
    QVariantList m_reasons, m_inventory;
};
