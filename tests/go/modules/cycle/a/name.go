package a

const Name = "a"
