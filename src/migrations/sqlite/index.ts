import * as migration_20261128_125802_initial from './20261128_125802_initial';

export const migrations = [
  {
    up: migration_20261128_125802_initial.up,
    down: migration_20261128_125802_initial.down,
    name: '20261128_125802_initial'
  },
];
