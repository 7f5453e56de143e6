//! mimalloc as the global allocator, asked for a plain block whenever a
//! plain block is aligned enough.
//!
//! The `mimalloc` crate's allocator takes mimalloc's aligned entry points
//! for every allocation, about twenty instructions more each than the plain
//! ones, and extraction makes millions of small strings and vectors.

use libmimalloc_sys as ffi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

pub struct Mimalloc;

/// Every mimalloc block is aligned to a machine word at least: its sizes
/// are multiples of one and its pages start aligned.
fn plain(layout: Layout) -> bool {
    layout.align() <= std::mem::align_of::<usize>()
}

// SAFETY: mimalloc's functions meet GlobalAlloc's contract: `mi_malloc` and
// `mi_zalloc` return word-aligned blocks (or null), so only layouts of at
// most word alignment go to them; `mi_realloc` keeps the block's alignment;
// `mi_free` frees blocks from either entry point.
unsafe impl GlobalAlloc for Mimalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if plain(layout) {
            ffi::mi_malloc(layout.size()).cast()
        } else {
            ffi::mi_malloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if plain(layout) {
            ffi::mi_zalloc(layout.size()).cast()
        } else {
            ffi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        ffi::mi_free(ptr.cast::<c_void>());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if plain(layout) {
            ffi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
        } else {
            ffi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
        }
    }
}
