import pino from 'pino';
import type { Logger } from '../platformPort';

export const silentLogger = (): Logger => pino({ level: 'silent' });
