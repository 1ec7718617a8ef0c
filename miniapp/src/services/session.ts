import Taro from '@tarojs/taro';
import { createSessionStore } from '../logic/session';

/** The session kept in Taro storage: wx storage in the mini-program, localStorage on H5. */
export const sessionStore = createSessionStore({
  get(key) {
    // Taro answers '' for a missing key.
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value ? value : null;
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
});
