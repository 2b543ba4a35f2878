package config

const Name = "cfg"
