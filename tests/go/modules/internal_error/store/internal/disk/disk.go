package disk

const Size = 512
