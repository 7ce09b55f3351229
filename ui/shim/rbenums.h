// Mirrors of the engine's enums for QML (Rb.ModeDfu, Rb.NextVerifyBackup, ...). The values
// are the C values; static_asserts in rbenums.cpp keep the two in step.
#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

class RbEnums : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Rb)
    QML_UNCREATABLE("Rb only holds enums")
public:
    enum Mode { ModeUnknown = 0, ModeNormal, ModeRecovery, ModeDfu, ModeRestore };
    Q_ENUM(Mode)
    enum Trust { TrustUnknown = 0, TrustNotPaired, TrustPending, TrustPaired, TrustRefused,
                 TrustNotApplicable };
    Q_ENUM(Trust)
    enum NextAction { NextNone = 0, NextWaitIdentify, NextAskTrust, NextWaitTrust,
                      NextTrustRefused, NextVerifyBackup, NextChoose, NextGuideDfu,
                      NextExitRecovery, NextRestore, NextWaitRestore, NextResumeRestore };
    Q_ENUM(NextAction)
    enum Drawing { DrawingGeneric = 0, DrawingIphoneHome, DrawingIphoneSolidHome,
                   DrawingIphoneFaceId, DrawingIphoneAction, DrawingIphoneCamera,
                   DrawingIpadHome, DrawingIpadTop, DrawingIpadTopVolume,
                   DrawingIphoneHomeTop };
    Q_ENUM(Drawing)
    enum ButtonScheme { SchemeUnknown = 0, SchemeHomeTop, SchemeVolDownSide,
                        SchemeVolUpVolDownSide, SchemeIpadNoHome };
    Q_ENUM(ButtonScheme)
    enum Procedure { EnterRecovery = 0, EnterDfu, ExitRecovery, ExitDfu };
    Q_ENUM(Procedure)
    enum Button { ButtonHome = 0x01, ButtonSide = 0x02, ButtonVolumeUp = 0x04,
                  ButtonVolumeDown = 0x08, ButtonVolumeNear = 0x10, ButtonVolumeFar = 0x20 };
    Q_ENUM(Button)
    enum StepAction { StepConnect = 0, StepPress, StepHold, StepRelease };
    Q_ENUM(StepAction)
    enum Until { UntilNone = 0, UntilScreenBlack, UntilAppleLogo, UntilRecoveryScreen,
                 UntilUsbMode };
    Q_ENUM(Until)
    enum Verdict { VerdictWaiting = 0, VerdictSuccess, VerdictReleasedTooLate,
                   VerdictHeldTooLong, VerdictReleasedTooEarly, VerdictDfuInstead,
                   VerdictStillRecovery };
    Q_ENUM(Verdict)
    enum Shortcut { ShortcutNone = 0, ShortcutEnterRecovery, ShortcutExitRecovery };
    Q_ENUM(Shortcut)
    enum Family { FamilyUnknown = 0, FamilyIphone, FamilyIpad, FamilyIpod, FamilyOther };
    Q_ENUM(Family)
    enum Warning { WarnEmergencySos = 0x01, WarnActionButton = 0x02, WarnCameraControl = 0x04,
                   WarnRecoveryTimeout = 0x08, WarnDirectCable = 0x10 };
    Q_ENUM(Warning)
    // Outcome of a device action (rb_status, only the ones the screens tell apart).
    enum Status { StatusOk = 0, StatusNotFound = -4, StatusUnsupported = -9,
                  StatusNotPaired = -13, StatusPairPending = -14, StatusPairRefused = -15,
                  StatusNeedsButtons = -26 };
    Q_ENUM(Status)
    // Steps of the device flow; the engine parts behind some do not exist yet.
    enum FlowStep { FlowIdentify = 0, FlowBackup, FlowChoose, FlowMode, FlowRestore, FlowDone };
    Q_ENUM(FlowStep)
};
