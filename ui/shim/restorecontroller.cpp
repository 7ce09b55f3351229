#include "restorecontroller.h"

#include <QQmlEngine>

#include <rescuebay/context.h>
#include <rescuebay/restore.h>

static_assert(int(RestoreController::StatePreflight) == RB_RESTORE_PREFLIGHT);
static_assert(int(RestoreController::StateCancelled) == RB_RESTORE_CANCELLED);
static_assert(int(RestoreController::CauseEngineError) == RB_CAUSE_ENGINE_ERROR);
static_assert(int(RestoreController::CauseWaiverRefused) == RB_CAUSE_WAIVER_REFUSED);
static_assert(int(RestoreController::NextSetUpDevice) == RB_RESTORE_NEXT_SET_UP_DEVICE);
static_assert(int(RestoreController::CauseBackupPassword) == RB_CAUSE_BACKUP_PASSWORD);
static_assert(int(RestoreController::NextCheckFirmware) == RB_RESTORE_NEXT_CHECK_FIRMWARE);
static_assert(int(RestoreController::StepUploadImg) == RB_RESTORE_STEP_UPLOAD_IMG);
static_assert(int(RestoreController::StepFirmware) == RB_RESTORE_STEP_FIRMWARE);
static_assert(int(RestoreController::CheckDisk) == RB_RESTORE_CHECK_DISK);
static_assert(int(RestoreController::CheckSkipped) == RB_RESTORE_CHECK_SKIPPED);
static_assert(int(RestoreController::WarnWaiver) == int(RB_RESTORE_WARN_WAIVER));

static QString keyOfEcid(uint64_t ecid)
{
    return QStringLiteral("0x") + QString::number(ecid, 16).toUpper();
}

// ---- RestoreJobModel --------------------------------------------------------------------

int RestoreJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RestoreJobModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case JobRole: return r.job;
    case KeyRole: return r.key;
    case StateRole: return r.state;
    case StateNameRole: return r.stateName;
    case CauseRole: return r.cause;
    case CauseNameRole: return r.causeName;
    case CauseDetailRole: return r.causeDetail;
    case NextActionRole: return r.nextAction;
    case NextActionNameRole: return r.nextActionName;
    case NextActionTextRole: return r.nextActionText;
    case AttemptsRole: return r.attempts;
    case MaxAttemptsRole: return r.maxAttempts;
    case PercentRole: return r.percent;
    case EtaSecondsRole: return r.etaSeconds;
    case StepRole: return r.step;
    case EraseRole: return r.erase != 0;
    case WarningsRole: return r.warnings;
    case ProductTypeRole: return r.productType;
    case BuildRole: return r.build;
    case VersionRole: return r.version;
    case TicketRole: return r.ticket;
    case DrivenRole: return r.driven != 0;
    case FinalRole: return rb_restore_state_is_final(rb_restore_state(r.state)) != 0;
    case ChecklistRole: return r.checklist;
    case CreatedAtRole: return r.createdAt;
    case UpdatedAtRole: return r.updatedAt;
    }
    return {};
}

QHash<int, QByteArray> RestoreJobModel::roleNames() const
{
    return {{JobRole, "job"}, {KeyRole, "key"}, {StateRole, "state"}, {StateNameRole, "stateName"},
            {CauseRole, "cause"}, {CauseNameRole, "causeName"}, {CauseDetailRole, "causeDetail"},
            {NextActionRole, "nextAction"}, {NextActionNameRole, "nextActionName"},
            {NextActionTextRole, "nextActionText"}, {AttemptsRole, "attempts"},
            {MaxAttemptsRole, "maxAttempts"}, {PercentRole, "percent"},
            {EtaSecondsRole, "etaSeconds"}, {StepRole, "step"}, {EraseRole, "erase"},
            {WarningsRole, "warnings"}, {ProductTypeRole, "productType"}, {BuildRole, "build"},
            {VersionRole, "version"}, {TicketRole, "ticket"}, {DrivenRole, "driven"},
            {FinalRole, "final"}, {ChecklistRole, "checklist"}, {CreatedAtRole, "createdAt"},
            {UpdatedAtRole, "updatedAt"}};
}

int RestoreJobModel::indexOfDevice(const QString &key) const
{
    // Rows are newest first: the first match is the device's current job.
    for (int i = 0; i < m_rows.size(); i++)
        if (m_rows.at(i).key.compare(key, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

bool RestoreJobModel::runningForDevice(const QString &key) const
{
    const int i = indexOfDevice(key);
    return i >= 0 && !rb_restore_state_is_final(rb_restore_state(m_rows.at(i).state));
}

int RestoreJobModel::indexOfJob(qint64 job) const
{
    for (int i = 0; i < m_rows.size(); i++)
        if (m_rows.at(i).job == job)
            return i;
    return -1;
}

QVariantMap RestoreJobModel::get(int row) const
{
    QVariantMap v;
    if (row < 0 || row >= m_rows.size())
        return v;
    const QModelIndex idx = index(row);
    const auto names = roleNames();
    for (auto it = names.begin(); it != names.end(); ++it)
        v.insert(QString::fromUtf8(it.value()), data(idx, it.key()));
    return v;
}

void RestoreJobModel::upsert(const Row &row)
{
    const int i = indexOfJob(row.job);
    if (i >= 0) {
        m_rows[i] = row;
        emit dataChanged(index(i), index(i));
        return;
    }
    // Job ids grow: keep newest first.
    int at = 0;
    while (at < m_rows.size() && m_rows.at(at).job > row.job)
        at++;
    beginInsertRows({}, at, at);
    m_rows.insert(at, row);
    endInsertRows();
    emit countChanged();
}

void RestoreJobModel::applyProgress(qint64 job, int state, int cause, double percent, int eta,
                                    int attempts, int step)
{
    const int i = indexOfJob(job);
    if (i < 0)
        return;
    Row &r = m_rows[i];
    r.state = state;
    r.cause = cause;
    if (percent >= 0)
        r.percent = percent;
    r.etaSeconds = eta;
    r.attempts = attempts;
    r.step = step;
    emit dataChanged(index(i), index(i));
}

// ---- RestoreController ------------------------------------------------------------------

RestoreController *RestoreController::instance()
{
    static RestoreController *self = new RestoreController; // app-owned, outlives QML
    return self;
}

RestoreController *RestoreController::create(QQmlEngine *, QJSEngine *)
{
    RestoreController *c = instance();
    QQmlEngine::setObjectOwnership(c, QQmlEngine::CppOwnership);
    return c;
}

RestoreController::RestoreController() { m_pool.setMaxThreadCount(4); }

RestoreController::~RestoreController() { stop(); }

int RestoreController::onProgress(const rb_restore_progress *p, void *payload)
{
    // Engine thread: copy the numbers, let the GUI thread touch the model.
    auto *self = static_cast<RestoreController *>(payload);
    const qint64 job = p->job;
    const int state = int(p->state), cause = int(p->cause), eta = p->eta_seconds,
              attempts = p->attempts, step = p->step;
    const double percent = p->percent;
    QMetaObject::invokeMethod(self, [=] {
        const int row = self->m_jobs.indexOfJob(job);
        const bool changed = row < 0 || self->m_jobs.get(row).value("state").toInt() != state
                             || self->m_jobs.get(row).value("attempts").toInt() != attempts;
        // A new state or attempt changes cause, next action and checklist: read them.
        if (changed)
            self->refreshJob(job);
        self->m_jobs.applyProgress(job, state, cause, percent, eta, attempts, step);
    }, Qt::QueuedConnection);
    return 0;
}

bool RestoreController::start()
{
    if (m_rs)
        return true;
    if (!m_ctx && rb_context_new(&m_ctx, nullptr) != RB_OK) {
        m_error = QStringLiteral("cannot open the data folder");
        emit availableChanged();
        return false;
    }
    rb_restore_options o = RB_RESTORE_OPTIONS_INIT;
    o.progress = &RestoreController::onProgress;
    o.payload = this;
    rb_status st = rb_restore_new(&m_rs, m_ctx, &o);
    if (st != RB_OK) {
        m_error = QString::fromUtf8(rb_context_last_error(m_ctx));
        m_rs = nullptr;
        emit availableChanged();
        return false;
    }
    m_error.clear();
    emit availableChanged();
    reload();
    // Adopting jobs reads the journal and may take each job's lock: off the GUI thread.
    m_pool.start([this] {
        size_t n = 0;
        rb_restore_resume(&n, m_rs);
        QMetaObject::invokeMethod(this, [this, n] {
            reload();
            emit resumed(int(n));
        }, Qt::QueuedConnection);
    });
    return true;
}

void RestoreController::stop()
{
    m_pool.waitForDone();
    // Jobs stay resumable in the journal: the next start adopts them.
    rb_restore_free(m_rs);
    m_rs = nullptr;
    rb_context_free(m_ctx);
    m_ctx = nullptr;
}

void RestoreController::refreshJob(qint64 id)
{
    rb_restore_job *j = nullptr;
    if (!m_rs || rb_restore_job_get(&j, m_rs, id) != RB_OK)
        return;
    RestoreJobModel::Row r;
    r.job = rb_restore_job_id(j);
    r.key = keyOfEcid(rb_restore_job_ecid(j));
    r.state = int(rb_restore_job_state(j));
    r.stateName = QString::fromUtf8(rb_restore_state_name(rb_restore_job_state(j)));
    r.cause = int(rb_restore_job_cause(j));
    r.causeName = QString::fromUtf8(rb_restore_cause_name(rb_restore_job_cause(j)));
    r.causeDetail = QString::fromUtf8(rb_restore_job_cause_detail(j));
    r.nextAction = int(rb_restore_job_next_action(j));
    r.nextActionName = QString::fromUtf8(rb_restore_next_name(rb_restore_job_next_action(j)));
    r.nextActionText = QString::fromUtf8(rb_restore_job_next_action_text(j));
    r.attempts = rb_restore_job_attempts(j);
    r.maxAttempts = rb_restore_job_max_attempts(j);
    r.percent = rb_restore_job_percent(j);
    r.etaSeconds = rb_restore_job_eta_seconds(j);
    r.step = rb_restore_job_step(j);
    r.erase = rb_restore_job_erase(j);
    r.warnings = rb_restore_job_warnings(j);
    r.productType = QString::fromUtf8(rb_restore_job_product_type(j));
    r.build = QString::fromUtf8(rb_restore_job_build(j));
    r.version = QString::fromUtf8(rb_restore_job_version(j));
    r.ticket = QString::fromUtf8(rb_restore_job_ticket(j));
    r.createdAt = QString::fromUtf8(rb_restore_job_created_at(j));
    r.updatedAt = QString::fromUtf8(rb_restore_job_updated_at(j));
    r.driven = rb_restore_job_driven(j);
    rb_restore_check_item items[RB_RESTORE_CHECK_COUNT];
    rb_restore_checklist(items, rb_restore_job_state(j), rb_restore_job_cause(j), r.warnings,
                         r.erase, r.attempts);
    for (const rb_restore_check_item &it : items)
        r.checklist.append(QVariantMap{
            {"check", int(it.check)}, {"checkName", QString::fromUtf8(rb_restore_check_name(it.check))},
            {"result", int(it.result)}, {"cause", int(it.cause)},
            {"causeName", QString::fromUtf8(rb_restore_cause_name(it.cause))},
            {"warning", it.warning}});
    rb_restore_job_free(j);
    m_jobs.upsert(r);
}

void RestoreController::reload()
{
    int64_t *ids = nullptr;
    size_t n = 0;
    if (!m_rs || rb_restore_job_list(&ids, &n, m_rs, 0, 50) != RB_OK)
        return;
    for (size_t i = 0; i < n; i++)
        refreshJob(ids[i]);
    rb_free(ids);
}

void RestoreController::startRestore(const QVariantMap &request)
{
    const QString key = request.value("deviceKey").toString();
    if (!m_rs) {
        emit startFinished(key, RB_ERR_UNSUPPORTED, 0, m_error);
        return;
    }
    m_starting++;
    emit startingChanged();
    // Copies: the request map's strings must live until rb_restore_start returns.
    const QByteArray id = key.toUtf8(), build = request.value("build").toString().toUtf8(),
                     backup = request.value("backupPath").toString().toUtf8(),
                     ticket = request.value("ticket").toString().toUtf8(),
                     waiver = request.value("waiver").toString().toUtf8(),
                     staff = request.value("staff").toString().toUtf8();
    QByteArray password = request.value("backupPassword").toString().toUtf8(),
               pin = request.value("pin").toString().toUtf8();
    const bool erase = request.value("erase").toBool();
    m_pool.start([=, this]() mutable {
        rb_restore_request rq = RB_RESTORE_REQUEST_INIT;
        rq.device_id = id.constData();
        rq.erase = erase ? 1 : 0;
        rq.build = build.isEmpty() ? nullptr : build.constData();
        rq.backup_path = backup.isEmpty() ? nullptr : backup.constData();
        rq.backup_password = password.isEmpty() ? nullptr : password.constData();
        rq.ticket = ticket.isEmpty() ? nullptr : ticket.constData();
        rq.waiver = waiver.isEmpty() ? nullptr : waiver.constData();
        rq.staff = staff.isEmpty() ? nullptr : staff.constData();
        rq.pin = pin.isEmpty() ? nullptr : pin.constData();
        int64_t job = 0;
        const rb_status st = rb_restore_start(&job, m_rs, &rq);
        const QString detail = st == RB_OK ? QString() : QString::fromUtf8(rb_restore_last_error(m_rs));
        password.fill('\0');
        pin.fill('\0');
        QMetaObject::invokeMethod(this, [=, this] {
            if (job > 0)
                refreshJob(job);
            m_starting--;
            emit startingChanged();
            emit startFinished(key, int(st), qint64(job), detail);
        }, Qt::QueuedConnection);
    });
}

void RestoreController::cancel(qint64 job)
{
    if (!m_rs)
        return;
    m_pool.start([this, job] {
        rb_restore_cancel(m_rs, job);
        QMetaObject::invokeMethod(this, [this, job] { refreshJob(job); }, Qt::QueuedConnection);
    });
}
