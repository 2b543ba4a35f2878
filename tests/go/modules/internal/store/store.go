package store

import "example.com/internal/store/internal/disk"

type Store struct {
	name string
	d    *disk.Disk
}

func New(name string) *Store { return &Store{name, disk.Open()} }

func (s *Store) Put(k, v string) { s.d.Write(s.name+"/"+k, v) }

func (s *Store) Get(k string) string { return s.d.Read(s.name + "/" + k) }

func (s *Store) Disk() *disk.Disk { return s.d }

func (s *Store) Name() string { return s.name }
