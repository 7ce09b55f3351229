// The connected devices, in port order, one row per device (keyed by ECID, else UDID).
// Filled by DeviceMonitor on the GUI thread; QML only reads it.
#pragma once

#include <QAbstractListModel>
#include <QJsonArray>
#include <QVector>
#include <QtQml/qqmlregistration.h>

extern "C" {
#include <rescuebay/device.h>
#include <rescuebay/guide.h>
}

class DeviceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("DeviceListModel is owned by DeviceMonitor")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        EcidRole, ModeRole, ModeNameRole, TrustRole, TrustNameRole, UdidRole,
        ProductTypeRole, NameRole, HardwareModelRole, DeviceClassRole, DeviceNameRole,
        IosVersionRole, BuildVersionRole, SerialRole, ImeiRole, ActivationStateRole,
        LocationRole, PortLabelRole, CpidRole, BdidRole, UsbProductIdRole, KnownModelRole,
        BatteryPercentRole, BatteryChargingRole, FindMyRole, DiskTotalRole, DiskFreeRole,
        // derived by the engine (guide.h) and the catalog, never in QML
        NextActionRole, NextActionNameRole, DrawingRole, ButtonSchemeRole, ControlsNoteRole, BatteryLowRole,
    };
    Q_ENUM(Role)

    explicit DeviceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Row of a device by key (ECID "0x..." or UDID), -1 if absent.
    Q_INVOKABLE int indexOf(const QString &key) const;
    // All roles of one row, for screens that follow a single device.
    Q_INVOKABLE QVariantMap get(int row) const;

    // Marks that a backup of this device passed deep verification (changes the next action).
    Q_INVOKABLE void setBackupVerified(const QString &key, bool verified);

    // Applies one monitor event (RB_DEVICE_ADDED / CHANGED / REMOVED). A device's place
    // is the engine's bay order (rb_device_order_compare, device.h); the shim has no rule.
    void apply(int type, const rb_device_info &info);
    // Engine-side job facts that change the suggested action (rb_guide_state).
    void setGuideState(const QString &key, const rb_guide_state &state);
    void clear();
    // Settings for the derived roles (restore.min_battery); outlives the model's use of it.
    void setContext(rb_context *ctx) { m_ctx = ctx; }

    static QString keyOf(const rb_device_info &info);
    QJsonArray toJson() const;

signals:
    void countChanged();
    // A device came, changed mode, or went; `mode` is its mode now (ModeUnknown if gone).
    void deviceSeen(const QString &key, int mode);

private:
    int insertPosition(const rb_device_info &info) const;
    struct Row {
        rb_device_info info;
        rb_guide_state state;
        rb_next_action next;
        int drawing;
        int scheme;
        QString controlsNote;
        bool batteryLow;
    };
    void derive(Row &row) const;
    QVector<Row> m_rows;
    rb_context *m_ctx = nullptr;
};
