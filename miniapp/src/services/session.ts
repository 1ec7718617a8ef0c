import Taro from '@tarojs/taro';
import { createEnterpriseSessionStore } from '../logic/enterprise-session';
import { createSessionStore, type KeyValueStorage } from '../logic/session';

/** Taro storage: wx storage in the mini-program, localStorage on H5. */
const storage: KeyValueStorage = {
  get(key) {
    // Taro answers '' for a missing key.
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value ? value : null;
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
};

/** An officer's or a desk's session. */
export const sessionStore = createSessionStore(storage);

/** The enterprise's session (the enterprise's port), kept apart. */
export const enterpriseSessionStore = createEnterpriseSessionStore(storage);
