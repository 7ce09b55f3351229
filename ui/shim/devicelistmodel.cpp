#include "devicelistmodel.h"

#include "modelcatalog.h"
#include "rbtext.h"

extern "C" {
#include <rescuebay/restore.h>
}

#include <QJsonObject>

DeviceListModel::DeviceListModel(QObject *parent) : QAbstractListModel(parent) {}

int DeviceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString DeviceListModel::keyOf(const rb_device_info &info)
{
    if (info.ecid)
        return QStringLiteral("0x") + QString::number(info.ecid, 16).toUpper();
    return QString::fromUtf8(info.udid);
}

// Everything the device or the engine says about it is shown escaped (rbtext.h).
static QString str(const char *s) { return rb::displayText(s); }

QVariant DeviceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const rb_device_info &d = r.info;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return str(d.name[0] ? d.name : d.product_type);
    case KeyRole: return keyOf(d);
    case EcidRole: return d.ecid ? QStringLiteral("0x") + QString::number(d.ecid, 16).toUpper() : QString();
    case ModeRole: return int(d.mode);
    case ModeNameRole: return str(rb_device_mode_name(d.mode));
    case TrustRole: return int(d.trust);
    case TrustNameRole: return str(rb_trust_state_name(d.trust));
    case UdidRole: return str(d.udid);
    case ProductTypeRole: return str(d.product_type);
    case HardwareModelRole: return str(d.hardware_model);
    case DeviceClassRole: return str(d.device_class);
    case DeviceNameRole: return str(d.device_name);
    case IosVersionRole: return str(d.ios_version);
    case BuildVersionRole: return str(d.build_version);
    case SerialRole: return str(d.serial);
    case ImeiRole: return str(d.imei);
    case ActivationStateRole: return str(d.activation_state);
    case LocationRole: return str(d.location);
    case PortLabelRole: return str(d.port_label);
    case CpidRole: return QStringLiteral("0x%1").arg(d.cpid, 4, 16, QLatin1Char('0'));
    case BdidRole: return QStringLiteral("0x%1").arg(d.bdid, 2, 16, QLatin1Char('0'));
    case UsbProductIdRole: return QStringLiteral("0x%1").arg(d.usb_product_id, 4, 16, QLatin1Char('0'));
    case KnownModelRole: return d.known_model != 0;
    case BatteryPercentRole: return d.battery_percent;
    case BatteryChargingRole: return d.battery_charging;
    case FindMyRole: return d.find_my;
    case DiskTotalRole: return qint64(d.disk_total_bytes);
    case DiskFreeRole: return qint64(d.disk_free_bytes);
    case NextActionRole: return int(r.next);
    case NextActionNameRole: return str(rb_next_action_name(r.next));
    case DrawingRole: return r.drawing;
    case ButtonSchemeRole: return r.scheme;
    case ControlsNoteRole: return r.controlsNote;
    case BatteryLowRole: return r.batteryLow;
    }
    return {};
}

QHash<int, QByteArray> DeviceListModel::roleNames() const
{
    return {
        {KeyRole, "key"}, {EcidRole, "ecid"}, {ModeRole, "mode"}, {ModeNameRole, "modeName"},
        {TrustRole, "trust"}, {TrustNameRole, "trustName"}, {UdidRole, "udid"},
        {ProductTypeRole, "productType"}, {NameRole, "name"},
        {HardwareModelRole, "hardwareModel"}, {DeviceClassRole, "deviceClass"},
        {DeviceNameRole, "deviceName"}, {IosVersionRole, "iosVersion"},
        {BuildVersionRole, "buildVersion"}, {SerialRole, "serial"}, {ImeiRole, "imei"},
        {ActivationStateRole, "activationState"}, {LocationRole, "location"},
        {PortLabelRole, "portLabel"},
        {CpidRole, "cpid"}, {BdidRole, "bdid"}, {UsbProductIdRole, "usbProductId"},
        {KnownModelRole, "knownModel"}, {BatteryPercentRole, "batteryPercent"},
        {BatteryChargingRole, "batteryCharging"}, {FindMyRole, "findMy"},
        {DiskTotalRole, "diskTotal"}, {DiskFreeRole, "diskFree"},
        {NextActionRole, "nextAction"}, {NextActionNameRole, "nextActionName"},
        {DrawingRole, "drawing"}, {ButtonSchemeRole, "buttonScheme"},
        {ControlsNoteRole, "controlsNote"}, {BatteryLowRole, "batteryLow"},
    };
}

int DeviceListModel::indexOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); i++) {
        const rb_device_info &d = m_rows.at(i).info;
        if (keyOf(d) == key || (d.udid[0] && key == QString::fromUtf8(d.udid)))
            return i;
    }
    return -1;
}

QVariantMap DeviceListModel::get(int row) const
{
    QVariantMap v;
    if (row < 0 || row >= m_rows.size())
        return v;
    const QModelIndex idx = index(row);
    const auto names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        v.insert(QString::fromUtf8(it.value()), data(idx, it.key()));
    return v;
}

void DeviceListModel::derive(Row &row) const
{
    row.next = rb_guide_next_action(&row.info, &row.state);
    const rb_model *m = ModelCatalog::instance()->find(row.info);
    row.drawing = int(rb_guide_drawing_for(m));
    row.scheme = m ? int(m->buttons) : 0;
    row.controlsNote = m ? rb::displayText(m->controls_note) : QString();
    row.batteryLow = rb_restore_battery_low(m_ctx, &row.info) != 0;
}

// Bay order is the engine's one rule (rescuebay/device.h, "Ports"); ties keep arrival order.
int DeviceListModel::insertPosition(const rb_device_info &info) const
{
    int i = 0;
    while (i < m_rows.size() && rb_device_order_compare(&m_rows.at(i).info, &info) <= 0)
        i++;
    return i;
}

void DeviceListModel::apply(int type, const rb_device_info &info)
{
    const QString key = keyOf(info);
    int row = indexOf(key);
    // A device can be known by UDID first and by ECID later (or the reverse).
    if (row < 0 && info.udid[0])
        row = indexOf(QString::fromUtf8(info.udid));
    if (type == RB_DEVICE_REMOVED) {
        if (row < 0)
            return;
        beginRemoveRows(QModelIndex(), row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        emit countChanged();
        emit deviceSeen(key, RB_MODE_UNKNOWN);
        return;
    }
    if (row >= 0) {
        Row &r = m_rows[row];
        const bool moved = std::strcmp(r.info.location, info.location) != 0
                           || std::strcmp(r.info.port_label, info.port_label) != 0;
        r.info = info;
        derive(r);
        emit dataChanged(index(row), index(row));
        if (moved) {
            Row copy = r;
            beginRemoveRows(QModelIndex(), row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            const int pos = insertPosition(info);
            beginInsertRows(QModelIndex(), pos, pos);
            m_rows.insert(pos, copy);
            endInsertRows();
        }
    } else {
        Row r{};
        r.info = info;
        r.state = RB_GUIDE_STATE_INIT;
        derive(r);
        const int pos = insertPosition(info);
        beginInsertRows(QModelIndex(), pos, pos);
        m_rows.insert(pos, r);
        endInsertRows();
        emit countChanged();
    }
    emit deviceSeen(key, int(info.mode));
}

void DeviceListModel::setGuideState(const QString &key, const rb_guide_state &state)
{
    const int row = indexOf(key);
    if (row < 0)
        return;
    m_rows[row].state = state;
    derive(m_rows[row]);
    emit dataChanged(index(row), index(row));
}

void DeviceListModel::setBackupVerified(const QString &key, bool verified)
{
    const int row = indexOf(key);
    if (row < 0)
        return;
    rb_guide_state st = m_rows.at(row).state;
    st.backup_verified = verified ? 1 : 0;
    setGuideState(key, st);
}

void DeviceListModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
}

QJsonArray DeviceListModel::toJson() const
{
    QJsonArray out;
    for (int i = 0; i < m_rows.size(); i++)
        out.append(QJsonObject::fromVariantMap(get(i)));
    return out;
}
