// rb_restore for QML: the restore jobs (one row each, newest first) and the calls that
// start, cancel and resume them. The engine decides everything (preflight, causes, next
// actions, percent, ETA); this class copies what it says. Progress arrives on the jobs'
// engine threads and is queued to the GUI thread; starting runs on a worker thread because
// the preflight may download the firmware.
#pragma once

#include <QAbstractListModel>
#include <QThreadPool>
#include <QVariantList>
#include <QVector>
#include <QtQml/qqmlregistration.h>

struct rb_context;
struct rb_restore;
struct rb_restore_progress;
class QQmlEngine;
class QJSEngine;

class RestoreJobModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RestoreJobModel is owned by RestoreController")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    struct Row {
        qint64 job = 0;
        QString key, stateName, causeName, causeDetail, nextActionName, nextActionText,
            productType, build, version, ticket, createdAt, updatedAt;
        int state = 0, cause = 0, nextAction = 0, attempts = 0, maxAttempts = 0, step = -1,
            etaSeconds = -1, erase = 0, driven = 0;
        unsigned warnings = 0;
        double percent = 0;
        QVariantList checklist;
    };
    enum Role { JobRole = Qt::UserRole + 1, KeyRole, StateRole, StateNameRole, CauseRole,
                CauseNameRole, CauseDetailRole, NextActionRole, NextActionNameRole,
                NextActionTextRole, AttemptsRole, MaxAttemptsRole, PercentRole, EtaSecondsRole,
                StepRole, EraseRole, WarningsRole, ProductTypeRole, BuildRole, VersionRole,
                TicketRole, DrivenRole, FinalRole, ChecklistRole, CreatedAtRole, UpdatedAtRole };

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The newest job of a device (its key: "0x" + ECID in hex), -1 if none.
    Q_INVOKABLE int indexOfDevice(const QString &key) const;
    Q_INVOKABLE int indexOfJob(qint64 job) const;
    // The device's newest job exists and has not ended.
    Q_INVOKABLE bool runningForDevice(const QString &key) const;
    // One row as {role name: value}; {} for a bad row.
    Q_INVOKABLE QVariantMap get(int row) const;

    void upsert(const Row &row);
    // Live fields from a progress report, without a journal read.
    void applyProgress(qint64 job, int state, int cause, double percent, int eta, int attempts,
                       int step);

signals:
    void countChanged();

private:
    QVector<Row> m_rows;
};

class RestoreController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY availableChanged)
    Q_PROPERTY(RestoreJobModel *jobs READ jobs CONSTANT)
    Q_PROPERTY(bool starting READ starting NOTIFY startingChanged)
public:
    // Mirrors of restore.h (static_asserts in the .cpp keep them equal).
    enum State { StateNone = 0, StatePreflight, StateEnteringRecovery, StateWaitingForButtons,
                 StateRestoring, StateRebooting, StateVerifying, StateDone, StateInterrupted,
                 StateFailed, StateCancelled };
    Q_ENUM(State)
    enum Cause { CauseNone = 0, CauseDeviceGone, CauseToolFailed, CauseToolKilled,
                 CauseToolHung, CauseEngineRestarted, CauseAmrError, CauseMaskedFailure,
                 CauseRestoreModeFailed, CauseEnterRecoveryFailed, CauseNotDetected,
                 CauseSigningFailed, CauseNotSigned, CauseModelTooNew, CauseToolMissing,
                 CauseNoBackup, CauseBackupNotRestorable, CauseBackupNotCompatible,
                 CauseBatteryLow, CauseDiskFull, CauseFirmwareUnavailable, CauseWrongBuild,
                 CauseDidNotReturn, CauseOutOfRetries, CauseCancelled, CauseDeviceNotFound,
                 CauseWaiverRefused, CauseButtonsTimeout, CauseEngineError,
                 CauseFirmwareMismatch, CauseUpdateNotOffered, CauseFirmwareDamaged,
                 CauseBackupPassword };
    Q_ENUM(Cause)
    enum Next { NextNone = 0, NextWait, NextReconnect, NextChangeCable, NextForceRestart,
                NextEnterRecovery, NextCharge, NextContactApple, NextUpdateTool,
                NextVerifyBackup, NextFreeDisk, NextCheckNetwork, NextChooseBuild, NextSignIn,
                NextRetry, NextSetUpDevice, NextBackupPassword, NextEraseInstead,
                NextCheckFirmware };
    Q_ENUM(Next)
    enum Step { StepDetect = 0, StepPrepare, StepUploadFs, StepVerifyFs, StepFlashFw,
                StepFlashBb, StepFud, StepUploadImg, StepFirmware = 100 };
    Q_ENUM(Step)
    enum Check { CheckTool = 0, CheckModel, CheckFirmware, CheckBackup, CheckBattery,
                 CheckFindMy, CheckDisk };
    Q_ENUM(Check)
    enum CheckResult { CheckPending = 0, CheckPassed, CheckWarning, CheckFailed, CheckSkipped };
    Q_ENUM(CheckResult)
    enum Warning { WarnFindMy = 0x01, WarnSigningUnchecked = 0x02, WarnBatteryUnknown = 0x04,
                   WarnWaiver = 0x08 };
    Q_ENUM(Warning)

    static RestoreController *instance();
    static RestoreController *create(QQmlEngine *, QJSEngine *);

    // Opens the journal (false, with errorText, if it could not) and adopts every
    // unfinished job no other process drives (rb_restore_resume), on a worker thread.
    bool start();
    void stop();

    bool available() const { return m_rs != nullptr; }
    QString errorText() const { return m_error; }
    RestoreJobModel *jobs() { return &m_jobs; }
    bool starting() const { return m_starting > 0; }

    // {deviceKey, erase, build, backupPath, backupPassword, ticket, waiver, staff, pin}.
    // The password and PIN are used once and never kept. Answers with startFinished.
    Q_INVOKABLE void startRestore(const QVariantMap &request);
    Q_INVOKABLE void cancel(qint64 job);
    // Reads every job from the journal again.
    Q_INVOKABLE void reload();

signals:
    void availableChanged();
    void startingChanged();
    // status: rb_status (0 accepted, -ve refused/busy/not found); job 0 if none was made;
    // detail: the engine's English text for the "details" fold.
    void startFinished(const QString &deviceKey, int status, qint64 job, const QString &detail);
    void resumed(int count);

private:
    RestoreController();
    ~RestoreController() override;
    static int onProgress(const rb_restore_progress *p, void *payload);
    void refreshJob(qint64 job);

    rb_context *m_ctx = nullptr;
    rb_restore *m_rs = nullptr;
    QString m_error;
    RestoreJobModel m_jobs;
    QThreadPool m_pool;
    int m_starting = 0;
};
