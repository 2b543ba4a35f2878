package d

import _ "example.com/nowhere/y"
