// Compiled only for windows (file-name suffix): its names are not Go's on
// linux/amd64.

package runtime

func WindowsOnly() {}
