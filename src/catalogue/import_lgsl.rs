//! LGSL import (to be built).
