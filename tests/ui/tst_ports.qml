import QtQuick
import QtTest
import RescueBay.Screens
import RescueBay.Core

// Settings -> Ports without a running monitor: the "plug a phone into the port you want to
// call 1" flow names ports in the engine's settings, a refused name says why, Forget
// unnames, and the Bays screen's slots follow the names.
TestCase {
    name: "Ports"
    width: 1280
    height: 800
    visible: true
    when: windowShown

    Component { id: panelComponent; PortsPanel { width: 900 } }
    Component { id: baysComponent; BaysScreen { width: 1280; height: 720 } }

    function cleanup() {
        for (const p of DeviceMonitor.ports)
            DeviceMonitor.setPortLabel(p.port, "")
    }

    function test_naming_flow() {
        const panel = createTemporaryObject(panelComponent, this)
        verify(panel)
        const step = findChild(panel, "portsStep")
        verify(step.text.indexOf("Name each port once") >= 0)
        verify(!panel.portSeen("1-1.2"), "nothing is named before the flow starts")
        mouseClick(findChild(panel, "namePorts"))
        verify(panel.naming)
        compare(step.text, "Plug a phone into the port you want to call 1.")
        verify(panel.portSeen("1-1.2"))
        compare(DeviceMonitor.ports.length, 1)
        compare(DeviceMonitor.ports[0].port, "1-1.2")
        compare(DeviceMonitor.ports[0].label, "1")
        compare(step.text, "Plug a phone into the port you want to call 2.")
        // staff may type a name instead of the number (on-screen keyboard)
        findChild(panel, "nextPortName").text = "Left"
        compare(step.text, "Plug a phone into the port you want to call Left.")
        verify(panel.portSeen("1-1.3"))
        compare(DeviceMonitor.ports.length, 2)
        verify(DeviceMonitor.ports.some(p => p.port === "1-1.3" && p.label === "Left"))
        // a name the engine refuses is not stored, and the reason shows
        findChild(panel, "nextPortName").text = "a;b"
        verify(!panel.portSeen("1-4"))
        compare(DeviceMonitor.ports.length, 2)
        const err = findChild(panel, "portError")
        verify(err.visible)
        verify(err.text.indexOf("';'") >= 0, err.text)
        mouseClick(findChild(panel, "namePorts"))
        verify(!panel.naming)
    }

    function test_forget_and_bay_slots() {
        DeviceMonitor.setPortLabel("1-3", "2")
        DeviceMonitor.setPortLabel("1-2", "1")
        const bays = createTemporaryObject(baysComponent, this)
        verify(bays)
        // named ports keep their places in name order, then numbered bays skip those names
        compare(bays.slots[0].label, "1")
        compare(bays.slots[1].label, "2")
        compare(bays.slots.length, Math.max(DeviceMonitor.bayCount, 2))
        for (let i = 2; i < bays.slots.length; i++)
            verify(bays.slots[i].label !== "1" && bays.slots[i].label !== "2")
        const panel = createTemporaryObject(panelComponent, this)
        const forget = findChild(panel, "forgetPort_1-2")
        verify(forget)
        mouseClick(forget)
        compare(DeviceMonitor.ports.length, 1)
        compare(bays.slots[0].label, "2")
    }
}
