import * as migration_20261128_125808_initial from './20261128_125808_initial';

export const migrations = [
  {
    up: migration_20261128_125808_initial.up,
    down: migration_20261128_125808_initial.down,
    name: '20261128_125808_initial'
  },
];
