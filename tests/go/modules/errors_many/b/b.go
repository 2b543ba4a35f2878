package b

import _ "example.com/errmany/c/internal"
