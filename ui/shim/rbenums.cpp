#include "rbenums.h"

#include <rescuebay/guide.h>

// The QML enums are only useful while they equal the engine's.
static_assert(int(RbEnums::ModeRestore) == RB_MODE_RESTORE);
static_assert(int(RbEnums::TrustNotApplicable) == RB_TRUST_NOT_APPLICABLE);
static_assert(int(RbEnums::NextResumeRestore) == RB_NEXT_RESUME_RESTORE);
static_assert(int(RbEnums::DrawingIpadTopVolume) == RB_DRAWING_IPAD_TOP_VOLUME);
static_assert(int(RbEnums::DrawingIphoneHomeTop) == RB_DRAWING_IPHONE_HOME_TOP);
static_assert(int(RbEnums::SchemeIpadNoHome) == RB_BUTTONS_IPAD_NOHOME);
static_assert(int(RbEnums::ExitDfu) == RB_GUIDE_EXIT_DFU);
static_assert(int(RbEnums::ButtonVolumeFar) == int(RB_BUTTON_VOLUME_FARTHEST_TOP));
static_assert(int(RbEnums::ButtonSide) == int(RB_BUTTON_SIDE));
static_assert(int(RbEnums::FamilyOther) == RB_FAMILY_OTHER);
static_assert(int(RbEnums::StepRelease) == RB_ACTION_RELEASE);
static_assert(int(RbEnums::UntilUsbMode) == RB_UNTIL_USB_MODE);
static_assert(int(RbEnums::EnterRecovery) == RB_GUIDE_ENTER_RECOVERY);
static_assert(int(RbEnums::VerdictStillRecovery) == RB_VERDICT_STILL_RECOVERY);
static_assert(int(RbEnums::ShortcutExitRecovery) == RB_GUIDE_SHORTCUT_EXIT_RECOVERY);
static_assert(int(RbEnums::WarnDirectCable) == int(RB_WARN_DIRECT_CABLE));
static_assert(int(RbEnums::StatusNeedsButtons) == RB_ERR_NEEDS_BUTTONS);
static_assert(int(RbEnums::StatusPairRefused) == RB_ERR_PAIR_REFUSED);
