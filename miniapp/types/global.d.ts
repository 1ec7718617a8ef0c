/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform being built, set by `taro build --type`. */
    TARO_ENV: 'weapp' | 'h5';
    /** API origin the mini-program calls; injected at build time by config/index.ts. */
    TARO_APP_API_BASE: string;
  }
}
