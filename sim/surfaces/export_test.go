package surfaces

// The data of the net-relu surface, for the external tests of its preset
// (pointers: init fills netReLUY after package variables are set).
var NetReLUX, NetReLUY = &netReLUX, &netReLUY
